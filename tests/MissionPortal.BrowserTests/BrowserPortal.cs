using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace MissionPortal.BrowserTests;

/// <summary>Where the system Chromium is, and whether these tests may run without it.</summary>
public static class BrowserEnvironment
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    /// <summary>Under CI a missing browser is a failure, never a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason =>
        Available || IsCi ? null : $"No Chromium at {ExecutablePath} (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped.";
}

/// <summary>A browser test: skipped with its reason when there is no Chromium, except under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// The portal on Kestrel on a free loopback port over its own SQLite file with demo data,
/// and one headless system Chromium for all the tests of the collection.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "missionportal-browser", Guid.NewGuid().ToString("N"));
    private PortalServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The portal's settings beyond the common ones: demo data by default.</summary>
    protected virtual IReadOnlyList<KeyValuePair<string, string>> Settings => [new("Demo:Enabled", "true")];

    /// <summary>The portal's clock, when a journey needs a day other than today; null for the real one.</summary>
    protected virtual TimeProvider? Clock => null;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The portal's data folder: its .eml files are in mail/.</summary>
    public string DataPath => _dataPath;

    /// <summary>The path of the confirmation link in the sign-up letter to <paramref name="email"/>.</summary>
    public async Task<string> ConfirmationLinkAsync(string email)
    {
        var folder = Path.Combine(DataPath, "mail");
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.Headers["X-MissionPortal-Kind"] == "sign-up-confirm" && message.To.Mailboxes.Any(m => m.Address == email)
                    && System.Text.RegularExpressions.Regex.Match(message.TextBody ?? string.Empty, @"https?://\S+/registration/confirm\S*") is { Success: true } link)
                {
                    return new Uri(link.Value).PathAndQuery;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No confirmation letter to {email}.");
    }

    /// <summary>A user of the given role made straight through Identity, for journeys that change their own account.</summary>
    public async Task<string> CreateUserAsync(string role, string password)
    {
        var email = $"user-{Guid.NewGuid():N}@example.ru";
        await using var scope = _server!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MissionPortal.Core.Domain.Identity.PortalUser>>();
        // Made by an administrator: the address counts as confirmed, as it does for users created on /users/create.
        var user = new MissionPortal.Core.Domain.Identity.PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Лаптева Ирина Олеговна" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>A read of the portal's database, for the ids of demo data.</summary>
    public async Task<T> QueryAsync<T>(Func<MissionPortal.Core.Data.PortalDbContext, Task<T>> query)
    {
        await using var scope = _server!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionPortal.Core.Data.PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = Microsoft.EntityFrameworkCore.QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.SkipReason is not null)
        {
            return;
        }

        _server = new PortalServer(_dataPath, Settings, Clock);
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ru-RU",
        });
        // The first request of a cold server on a busy 2-core machine can take a while.
        context.SetDefaultNavigationTimeout(60_000);
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs one journey in a fresh page. When it fails, the page as the user saw it is saved as
    /// FAILED-name.png and its address and text go into the failure message.
    /// </summary>
    public async Task JourneyAsync(string name, Func<IPage, Task> journey, int width = 1400, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        // The Content-Security-Policy must never have to block anything the portal itself serves.
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        try
        {
            await journey(page);
            Assert.True(blocked.Count == 0, "Blocked by the Content-Security-Policy:\n" + string.Join("\n", blocked));
        }
        catch (Exception failure)
        {
            await ScreenshotAsync(page, "FAILED-" + name);
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 });
            throw new InvalidOperationException(
                $"Journey '{name}' failed at {page.Url}; the page said:\n{(text.Length > 1500 ? text[..1500] : text)}", failure);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // the log file may still be closing; the temp folder is cleaned later
        }
    }

    /// <summary>The folder of MissionPortal.sln.</summary>
    public static string RepositoryFolder { get; } = FindRepositoryFolder();

    private static string FindRepositoryFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MissionPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetTempPath();
    }

    private static string FindScreenshotFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MissionPortal.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed class PortalServer(string dataPath, IReadOnlyList<KeyValuePair<string, string>> settings, TimeProvider? clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Storage:DataPath", dataPath);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // The journeys sign in a dozen times within a minute from one address; RateLimitTests checks the limit.
            builder.UseSetting("RateLimiting:Login:PermitLimit", "100000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (clock is not null)
            {
                builder.ConfigureTestServices(services =>
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton(clock);
                });
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
