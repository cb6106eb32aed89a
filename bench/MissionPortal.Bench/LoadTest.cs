using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MissionPortal.Bench;

/// <summary>
/// A mixed load against a running portal: CONNECTIONS workers for SECONDS, each request a read of one of the main
/// pages or, with the given share, a write — the agency moving a programme item (the drag-and-drop endpoint, JSON)
/// or a company signing a person up for a mission (the plain form, answered by a redirect). Before and after, the
/// portal process's resident memory; between, the same mix as a warm-up that is not counted.
/// </summary>
public static partial class LoadTest
{
    private const string Password = "MissionDemo-2026";

    public sealed record Options(
        Uri Url, int Connections, int Seconds, int WarmupSeconds, double WriteShare, int MissionId, int DelegationId, int SignUpMissionId, int? Pid, bool SelfSigned = false);

    public static async Task<int> RunAsync(Options options)
    {
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        if (options.SelfSigned)
        {
            // The benchmark's own nginx, with a certificate made for the run.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

        var agency = await SignInAsync(http, "agency@demo.local");
        var company = await SignInAsync(http, "company@demo.local");
        var agencyToken = Token(await GetTextAsync(http, agency, $"/programme/{options.MissionId}"));
        var companyToken = Token(await GetTextAsync(http, company, $"/applications/{options.SignUpMissionId}"));
        var programme = await GetTextAsync(http, agency, $"/programme/{options.MissionId}");
        var items = ItemIds().Matches(programme).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToArray();
        var days = DayHeadings().Matches(programme).Count;
        var firstDay = DateOnly.ParseExact(FirstDate().Match(programme).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (items.Length == 0)
        {
            Console.Error.WriteLine($"mission {options.MissionId} has no programme items to move");
            return 2;
        }

        var reads = new[]
        {
            $"/rosters/{options.DelegationId}",
            $"/programme/{options.MissionId}",
            $"/missions/details/{options.MissionId}",
            "/missions",
            "/catalogue",
        };
        var scenario = new Scenario(http, new Session(agency), new Session(company), agencyToken, companyToken, reads, items, firstDay, Math.Max(1, days), options);

        Console.WriteLine($"warm-up: {options.WarmupSeconds} s, {options.Connections} connections");
        await scenario.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds));
        var warm = await MemoryAsync(http, options.Pid);

        Console.WriteLine($"run: {options.Seconds} s, {options.Connections} connections, {options.WriteShare:P0} writes");
        var result = await scenario.RunAsync(TimeSpan.FromSeconds(options.Seconds));
        var after = await MemoryAsync(http, options.Pid);

        result.Print(options.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory\tresident MiB after warm-up {warm.ResidentMiB:F0}, after the run {after.ResidentMiB:F0} ({Change(warm.ResidentMiB, after.ResidentMiB)}); " +
            $"managed heap after a full collection {warm.HeapMiB:F1} → {after.HeapMiB:F1} MiB ({Change(warm.HeapMiB, after.HeapMiB)})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary\t{result.Total}\t{result.Total / (double)options.Seconds:F0}\t{result.Percentile(0.50):F1}\t{result.Percentile(0.99):F1}\t{result.Errors}\t{result.Unexpected}\t{result.Writes}\t{result.WritesRejected}\t{warm.ResidentMiB:F0}\t{after.ResidentMiB:F0}\t{warm.HeapMiB:F1}\t{after.HeapMiB:F1}"));
        return 0;
    }

    private static string Change(double before, double after) =>
        before <= 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(after - before) / before:+0.0%;-0.0%}");

    private static async Task<(double ResidentMiB, double HeapMiB)> MemoryAsync(HttpClient http, int? pid)
    {
        // The managed heap after a full collection (the portal's bench endpoint), then the process's resident set.
        double heap = 0;
        using (var response = await http.GetAsync(new Uri("/bench/memory", UriKind.Relative)))
        {
            if (response.IsSuccessStatusCode)
            {
                heap = double.Parse(await response.Content.ReadAsStringAsync(), CultureInfo.InvariantCulture) / (1024 * 1024);
            }
        }

        double resident = 0;
        if (pid is { } id && File.Exists($"/proc/{id}/status"))
        {
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null)
            {
                resident = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return (resident, heap);
    }

    private static async Task<string> SignInAsync(HttpClient http, string email)
    {
        using var form = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Cookies(form);
        var token = Token(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {email}: {(int)response.StatusCode}");
        }

        return string.Join("; ", new[] { antiforgery, Cookies(response) }.Where(c => c.Length > 0));
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(c => !c.Contains("TempData", StringComparison.Ordinal) && !c.EndsWith('='))
            : []);

    /// <summary>
    /// A signed-in user's cookies, kept as a browser keeps them: when the portal renews the sign-in cookie (Identity's
    /// stamp check falls due every minute) the new one replaces the old, so the next check is a minute later again.
    /// </summary>
    private sealed class Session(string cookies)
    {
        private readonly Lock _gate = new();
        private Dictionary<string, string> _cookies = Parse(cookies);

        public string Header
        {
            get
            {
                lock (_gate)
                {
                    return string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));
                }
            }
        }

        public void Update(HttpResponseMessage response)
        {
            var renewed = Parse(Cookies(response));
            if (renewed.Count == 0)
            {
                return;
            }

            lock (_gate)
            {
                _cookies = new Dictionary<string, string>(_cookies.Concat(renewed).GroupBy(c => c.Key).Select(g => g.Last()));
            }
        }

        private static Dictionary<string, string> Parse(string cookies) =>
            cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Split('=', 2))
                .Where(c => c.Length == 2)
                .GroupBy(c => c[0])
                .ToDictionary(g => g.Key, g => g.Last()[1]);
    }

    private static async Task<string> GetTextAsync(HttpClient http, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static string Token(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("/\\d+")]
    private static partial Regex Ids();

    [GeneratedRegex("data-item-id=\"(\\d+)\"")]
    private static partial Regex ItemIds();

    [GeneratedRegex("data-testid=\"programme-day\"")]
    private static partial Regex DayHeadings();

    [GeneratedRegex("data-date=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex FirstDate();

    private sealed class Scenario(
        HttpClient http, Session agency, Session company, string agencyToken, string companyToken,
        string[] reads, int[] items, DateOnly firstDay, int days, Options options)
    {
        public async Task<Result> RunAsync(TimeSpan duration)
        {
            var result = new Result();
            var stop = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
            {
                var random = new Random(worker * 7919 + Environment.TickCount);
                var n = 0;
                while (stop.Elapsed < duration)
                {
                    await OneAsync(random, worker, n++, result);
                }
            }));
            await Task.WhenAll(workers);
            return result;
        }

        private async Task OneAsync(Random random, int worker, int n, Result result)
        {
            var write = random.NextDouble() < options.WriteShare;
            var moving = random.Next(2) == 0;
            using var request = !write ? Read(random) : moving ? Move(random) : SignUp(worker, n);
            var session = write && !moving ? company : agency;
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var ms = clock.Elapsed.TotalMilliseconds;
                session.Update(response);
                var status = (int)response.StatusCode;
                // Reads answer 200; a move answers 200 (JSON), 400 when refused, 409 when another move of the same item won;
                // a sign-up redirects (302) or re-shows the form (200).
                var expected = !write ? status == 200 : moving ? status is 200 or 400 or 409 : status is 302 or 200;
                var rejected = write && (moving ? status is 400 or 409 : status == 200);
                result.Add(ms, $"{request.Method} {Kind(request)}", write, expected, rejected, error: false, expected ? null : $"{request.Method} {Kind(request)} {status}");
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or IOException)
            {
                result.Add(clock.Elapsed.TotalMilliseconds, $"{request.Method} {Kind(request)}", write, expected: false, rejected: false, error: true, $"{request.Method} {Kind(request)} {failure.GetType().Name}");
            }
        }

        /// <summary>The path without its ids: what kind of request it was.</summary>
        private static string Kind(HttpRequestMessage request) =>
            Ids().Replace(request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString, "/{id}");

        private HttpRequestMessage Read(Random random)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, reads[random.Next(reads.Length)]);
            request.Headers.Add("Cookie", agency.Header);
            return request;
        }

        private HttpRequestMessage Move(Random random)
        {
            var date = firstDay.AddDays(random.Next(days));
            var start = new TimeOnly(8 + random.Next(10), random.Next(4) * 15);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/programme/items/{items[random.Next(items.Length)]}/move")
            {
                Content = new FormUrlEncodedContent(
                [
                    new("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new("Start", start.ToString("HH:mm", CultureInfo.InvariantCulture)),
                    new("__RequestVerificationToken", agencyToken),
                ]),
            };
            request.Headers.Add("Cookie", agency.Header);
            request.Headers.Add("Accept", "application/json");
            return request;
        }

        private HttpRequestMessage SignUp(int worker, int n)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/applications/{options.SignUpMissionId}")
            {
                Content = new FormUrlEncodedContent(
                [
                    new("Surname", "Нагрузочный"),
                    new("GivenName", $"Участник{worker}x{n}"),
                    new("Patronymic", "Тестович"),
                    new("Position", "Инженер"),
                    new("__RequestVerificationToken", companyToken),
                ]),
            };
            request.Headers.Add("Cookie", company.Header);
            return request;
        }
    }

    private sealed class Result
    {
        private readonly Lock _gate = new();
        private readonly List<double> _latencies = [];
        private readonly Dictionary<string, List<double>> _byKind = [];
        private readonly Dictionary<string, int> _surprises = [];

        public int Total { get; private set; }

        public int Errors { get; private set; }

        public int Unexpected { get; private set; }

        public int Writes { get; private set; }

        public int WritesRejected { get; private set; }

        public void Add(double ms, string kind, bool write, bool expected, bool rejected, bool error, string? surprise)
        {
            lock (_gate)
            {
                if (!_byKind.TryGetValue(kind, out var ofKind))
                {
                    _byKind[kind] = ofKind = [];
                }

                ofKind.Add(ms);
                if (surprise is not null)
                {
                    _surprises[surprise] = _surprises.GetValueOrDefault(surprise) + 1;
                }

                _latencies.Add(ms);
                Total++;
                Writes += write ? 1 : 0;
                WritesRejected += rejected ? 1 : 0;
                Errors += error ? 1 : 0;
                Unexpected += !error && !expected ? 1 : 0;
            }
        }

        public double Percentile(double p)
        {
            lock (_gate)
            {
                return Percentile(_latencies, p);
            }
        }

        /// <summary>
        /// Per kind of request (the pages differ threefold in cost, so the mix alone spreads the overall latencies):
        /// the kind, how many, p50 and p99 in ms.
        /// </summary>
        public IReadOnlyList<(string Kind, int Count, double P50, double P99)> ByKind()
        {
            lock (_gate)
            {
                return _byKind.OrderBy(k => k.Key, StringComparer.Ordinal)
                    .Select(k => (k.Key, k.Value.Count, Percentile(k.Value, 0.50), Percentile(k.Value, 0.99)))
                    .ToList();
            }
        }

        private static double Percentile(List<double> latencies, double p)
        {
            if (latencies.Count == 0)
            {
                return 0;
            }

            var sorted = latencies.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }

        public void Print(int seconds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"requests {Total} ({Total / (double)seconds:F0}/s), writes {Writes} ({WritesRejected} refused: validation or a conflict), errors {Errors}, unexpected status {Unexpected}; " +
                $"p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {Percentile(1):F1} ms"));
            foreach (var (what, count) in _surprises.OrderByDescending(s => s.Value))
            {
                Console.WriteLine($"unexpected\t{what}\t{count}");
            }

            foreach (var (kind, count, p50, p99) in ByKind())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kind\t{kind}\t{count}\t{p50:F1}\t{p99:F1}"));
            }
        }
    }
}
