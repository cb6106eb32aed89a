using Microsoft.AspNetCore.Hosting;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>A portal with some settings of its own (demo off, a first administrator, ...), for the tests that need them.</summary>
public sealed class ConfiguredFactory(params (string Key, string Value)[] settings) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
