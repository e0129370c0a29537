using Herald.Host.Validation;

namespace Herald.Host.Tests.Validation;

public sealed class ValidationErrorsTests
{
    [Theory]
    [InlineData(null, "$")]
    [InlineData("$", "$")]
    [InlineData("$.name", "name")]
    [InlineData("$.steps[1].text", "steps[1].text")]
    [InlineData("$['odd key']", "['odd key']")]
    public void FieldOf_JsonPath_ReturnsClientFieldName(string? path, string expected)
    {
        Assert.Equal(expected, JsonErrorTranslator.FieldOf(path));
    }

    [Fact]
    public void Add_SameFieldTwice_KeepsBothMessagesAndEmptyFieldMeansBody()
    {
        var errors = new ValidationErrors().Add("name", "one").Add("name", "two").Add("", "whole");

        var result = errors.ToDictionary();
        Assert.Equal(["one", "two"], result["name"]);
        Assert.Equal(["whole"], result[ValidationErrors.Body]);
        Assert.Equal("steps[2].text", ValidationErrors.Join(ValidationErrors.Item("steps", 2), "text"));
        Assert.Equal("text", ValidationErrors.Join(ValidationErrors.Body, "text"));
    }

    [Fact]
    public void ApiOptions_Default_Is4MiB()
    {
        Assert.Equal(4 * 1024 * 1024, new ApiOptions().MaxJsonBodyBytes);
    }
}
