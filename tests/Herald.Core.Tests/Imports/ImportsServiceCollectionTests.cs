using Herald.Core.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Core.Tests.Imports;

public sealed class ImportsServiceCollectionTests
{
    [Fact]
    public void AddHeraldImports_WithCore_ResolvesImporterValidatorAndBoundLimits()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Herald:Imports:MaxRows"] = "500",
                ["Herald:Imports:PhonePrefixes:0"] = "+7",
                ["Herald:Phones:DefaultRegion"] = "RU",
            })
            .Build();
        var services = new ServiceCollection().AddHeraldCore(configuration).AddHeraldImports(configuration).AddHeraldImports(configuration);

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<RecipientImporter>());
        Assert.Same(provider.GetRequiredService<RecipientListValidator>(), provider.GetRequiredService<RecipientListValidator>());
        var options = provider.GetRequiredService<IOptions<ImportOptions>>().Value;
        Assert.Equal(500, options.MaxRows);
        Assert.Equal(["+7"], options.PhonePrefixes);
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(RecipientImporter)));
    }
}
