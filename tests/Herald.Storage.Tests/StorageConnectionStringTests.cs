namespace Herald.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_DevelopmentStorage_UsesAzuriteDefaults()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(StorageConnectionString.DevelopmentAccountKey, cs.AccountKey);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithProxy_UsesProxyHost()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite");

        Assert.Equal(new Uri("http://azurite:10002/devstoreaccount1"), cs.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_KeepsPathStyleAccount()
    {
        var cs = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + StorageConnectionString.DevelopmentAccountKey
            + ";TableEndpoint=http://127.0.0.1:41234/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41235/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:41235/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://devstoreaccount1.blob.core.windows.net"), cs.BlobEndpoint);
        Assert.Equal("devstoreaccount1", cs.GetSharedKeyCredential().AccountName);
    }

    [Fact]
    public void Parse_AzureAccount_DerivesEndpointsFromSuffix()
    {
        var cs = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=https;AccountName=heraldprod;AccountKey=" + StorageConnectionString.DevelopmentAccountKey + ";EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://heraldprod.table.core.chinacloudapi.cn"), cs.TableEndpoint);
        Assert.Equal(new Uri("https://heraldprod.queue.core.chinacloudapi.cn"), cs.QueueEndpoint);
    }

    [Fact]
    public void Parse_KeysAreCaseInsensitiveAndSpacesTrimmed()
    {
        var cs = StorageConnectionString.Parse(" accountname = acct ; accountkey=" + StorageConnectionString.DevelopmentAccountKey + " ;");

        Assert.Equal("acct", cs.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), cs.TableEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("garbage", "Name=value")]
    [InlineData("AccountKey=abc", "AccountName")]
    [InlineData("AccountName=a;AccountKey=not base64!", "base64")]
    [InlineData("AccountName=a;AccountName=b", "more than once")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("AccountName=a;DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=a;TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2020", "SharedAccessSignature")]
    public void Parse_Garbage_ThrowsFormatExceptionSayingWhy(string text, string mentions)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(text));

        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.False(StorageConnectionString.TryParse(text, out _));
    }

    [Fact]
    public void Parse_BadKey_NeverEchoesTheKey()
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=s3cr3t!!"));

        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSharedKeyCredential_NoKey_Throws()
    {
        var cs = StorageConnectionString.Parse("AccountName=a");

        Assert.Null(cs.AccountKey);
        Assert.Throws<InvalidOperationException>(cs.GetSharedKeyCredential);
    }
}
