using Herald.Storage.Internal;

namespace Herald.Storage.Tests.Pipeline;

/// <summary>The strings-to-sign of "Authorize with Shared Key" (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).</summary>
public sealed class SharedKeySigningTests
{
    [Fact]
    public void TableStringToSign_DocumentedQueryTablesExample_Matches()
    {
        // The documented Table example: GET on Tables with only a date.
        var s = SharedKeySigning.TableStringToSign("GET", null, null, "Sun, 11 Oct 2009 19:52:39 GMT", "testaccount1", "/Tables", null);

        Assert.Equal("GET\n\n\nSun, 11 Oct 2009 19:52:39 GMT\n/testaccount1/Tables", s);
    }

    [Fact]
    public void TableStringToSign_EmulatorPathStyle_HasAccountTwiceAndOnlyComp()
    {
        var s = SharedKeySigning.TableStringToSign(
            "post", null, "application/json", "Mon, 01 Jan 2024 00:00:00 GMT", "devstoreaccount1", "/devstoreaccount1/mytable", "?$filter=a%20eq%201&comp=acl&$top=5");

        Assert.Equal("POST\n\napplication/json\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/mytable?comp=acl", s);
    }

    [Fact]
    public void QueueStringToSign_DocumentedCanonicalizedResourceExample_SortsAndDecodesParameters()
    {
        // Documented: GET http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata
        // → /myaccount/mycontainer\ncomp:metadata\nrestype:container
        var s = SharedKeySigning.QueueStringToSign("GET", [], null, "myaccount", "/mycontainer", "?restype=container&comp=metadata");

        Assert.EndsWith("/myaccount/mycontainer\ncomp:metadata\nrestype:container", s, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueStringToSign_FullLayout_TwelveHeadersThenXmsHeadersThenResource()
    {
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/xml; charset=utf-8",
            ["x-ms-version"] = "2021-12-02",
            ["X-MS-Date"] = "Sun, 20 Sep 2009 20:36:40 GMT",
            ["x-ms-meta-m1"] = "  v1   with   spaces ",
            ["If-Match"] = "\"etag\"",
            ["User-Agent"] = "ignored",
        };

        var s = SharedKeySigning.QueueStringToSign(
            "POST", headers, 42, "devstoreaccount1", "/devstoreaccount1/q1/messages", "?visibilitytimeout=5&messagettl=-1&popreceipt=AQ%2Bb%2Fc%3D%3D");

        Assert.Equal(
            "POST\n\n\n42\n\napplication/xml; charset=utf-8\n\n\n\"etag\"\n\n\n\n"
            + "x-ms-date:Sun, 20 Sep 2009 20:36:40 GMT\nx-ms-meta-m1:v1 with spaces\nx-ms-version:2021-12-02\n"
            + "/devstoreaccount1/devstoreaccount1/q1/messages\nmessagettl:-1\npopreceipt:AQ+b/c==\nvisibilitytimeout:5",
            s);
    }

    [Fact]
    public void QueueStringToSign_ZeroContentLength_IsEmpty()
    {
        var s = SharedKeySigning.QueueStringToSign("DELETE", [], 0, "a", "/a/q", null);

        Assert.Equal("DELETE\n\n\n\n\n\n\n\n\n\n\n\n/a/a/q", s);
    }

    [Fact]
    public void ComputeHmacSha256_KnownVector_MatchesRfc4231()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var credential = new StorageSharedKeyCredential("a", Convert.ToBase64String("Jefe"u8.ToArray()));

        var mac = Convert.FromBase64String(credential.ComputeHmacSha256("what do ya want for nothing?"));

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Convert.ToHexStringLower(mac));
    }
}
