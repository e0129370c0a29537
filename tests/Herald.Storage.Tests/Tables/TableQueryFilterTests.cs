using Herald.Storage.Tables;

namespace Herald.Storage.Tests.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_Strings_AreQuotedWithDoubledQuotes()
    {
        var pk = "O'Brien";
        var rk = "x' or RowKey ne '";

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {rk}");

        Assert.Equal("PartitionKey eq 'O''Brien' and RowKey ge 'x'' or RowKey ne '''", filter);
    }

    [Fact]
    public void CreateQueryFilter_TypedValues_UseODataLiterals()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableClient.CreateQueryFilter(
            $"I eq {42} and L eq {42L} and D eq {1.5} and B eq {true} and W ge {when} and G eq {id} and X eq {new byte[] { 1, 171 }} and E eq {DayOfWeek.Monday} and N eq {(string?)null}");

        Assert.Equal(
            "I eq 42 and L eq 42L and D eq 1.5 and B eq true and W ge datetime'2026-01-02T02:04:05.0000000Z' and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and X eq X'01AB' and E eq 'Monday' and N eq null",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_InvariantCulture_RegardlessOfCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Assert.Equal("D eq 1.25", TableClient.CreateQueryFilter($"D eq {1.25}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
