using System.Globalization;

namespace MissionPortal.Web.Infrastructure.Diagnostics;

public static class BenchEndpoints
{
    /// <summary>
    /// With Bench:BareFile set (by bench/run.sh only), /bench/bare returns that file's bytes as HTML: no
    /// database, no Razor, no sign-in — the limit of this machine and stack, measured beside the real pages;
    /// /bench/memory collects garbage fully and returns the bytes the managed heap still holds (the load test
    /// compares it after the warm-up and after the run).
    /// </summary>
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        var file = app.Configuration["Bench:BareFile"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return app;
        }

        var bytes = new Lazy<byte[]>(() => File.ReadAllBytes(file));
        app.MapGet("/bench/bare", () => Results.Bytes(bytes.Value, "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/bench/memory", () => Results.Text(GC.GetTotalMemory(forceFullCollection: true).ToString(CultureInfo.InvariantCulture))).AllowAnonymous();
        return app;
    }
}
