using Herald.Storage.Tables;

namespace Herald.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void TypedGetters_MissingOrWidening_ReturnNullOrConverted()
    {
        var entity = new TableEntity("p", "r") { ["I"] = 5, ["S"] = "s" };

        Assert.Null(entity.GetString("missing"));
        Assert.Null(entity.GetInt32("missing"));
        Assert.Equal(5L, entity.GetInt64("I"));
        Assert.Equal(5.0, entity.GetDouble("I"));
        Assert.Equal("p", entity.PartitionKey);
        Assert.Equal(4, entity.Count);
    }

    [Fact]
    public void TypedGetters_WrongType_ThrowNamingTheProperty()
    {
        var entity = new TableEntity("p", "r") { ["S"] = "text" };

        var ex = Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S"));

        Assert.Contains("'S'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UnsupportedType_ThrowsNamingTheProperty()
    {
        var entity = new TableEntity("p", "r") { ["Bad"] = new Uri("http://x") };

        var ex = Assert.Throws<NotSupportedException>(() => TableEntityJson.Serialize(entity));

        Assert.Contains("'Bad'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AnnotatesTypesTheServiceCannotInfer()
    {
        var entity = new TableEntity("p", "r") { ["L"] = 1L, ["D"] = 2.0, ["I"] = 3, ["N"] = double.NaN, ["Null"] = null };

        var json = System.Text.Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            """{"PartitionKey":"p","RowKey":"r","L@odata.type":"Edm.Int64","L":"1","D@odata.type":"Edm.Double","D":2,"I":3,"N@odata.type":"Edm.Double","N":"NaN"}""",
            json);
    }
}
