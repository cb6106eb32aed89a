using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>
/// The programme editor's time grid: an hour is one height on every day and an item is as tall as it lasts; an item is
/// moved by dragging it or, without a script, by its form, and the result is shown beside the item. Each move is undone
/// at the end, so the demo programme stays as the other journeys expect it.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ProgrammeGridTests(BrowserPortal portal)
{
    private const string Summing = "Подведение итогов первого дня миссии";
    private const string Transfer = "Трансфер Железногорск — Красноярск";

    [BrowserFact]
    public Task Hours_stand_at_one_height_across_days_and_an_item_is_as_tall_as_it_lasts() =>
        portal.JourneyAsync("programme-grid", async page =>
        {
            await LoginAsync(page, DemoOptions.AgencyEmail);
            var petersburg = await ItemsAsync(DemoData.PetersburgMissionTitle);
            var conference = petersburg.Single(i => i.Title.StartsWith("Конференция по вопросам", StringComparison.Ordinal));
            var maternity = petersburg.Single(i => i.Title.Contains("материнства", StringComparison.Ordinal));
            var lunch = petersburg.Single(i => i.Title == "Обед" && i.Date == maternity.Date);
            Assert.NotEqual(conference.Date, maternity.Date);
            Assert.Equal((new TimeOnly(14, 0), new TimeOnly(12, 0), new TimeOnly(14, 0)), (conference.Start, maternity.Start, maternity.End));
            Assert.Equal(TimeSpan.FromHours(1), lunch.End - lunch.Start);

            await page.GotoAsync($"/programme/{petersburg[0].MissionId}");
            await Assertions.Expect(page.GetByTestId("programme-day")).ToHaveCountAsync(2);
            var conferenceBox = await BoxAsync(page, conference.Id);
            var maternityBox = await BoxAsync(page, maternity.Id);
            var lunchBox = await BoxAsync(page, lunch.Id);
            var hour = await HourHeightAsync(page);

            // 14:00 on one day is where 14:00 is on the other: the conference starts at the line the visit ends at
            // (each block keeps 1 px from its lines), and that line is the axis's 14:00.
            var fourteen = await page.Locator(".tg-hour", new() { HasText = "14:00" }).BoundingBoxAsync();
            Assert.Equal(fourteen!.Y, conferenceBox.Y - 1, 1.0);
            Assert.Equal(fourteen.Y, maternityBox.Y + maternityBox.Height + 1, 1.0);
            Assert.True(conferenceBox.X > maternityBox.X + maternityBox.Width || maternityBox.X > conferenceBox.X + conferenceBox.Width, "the two days are side by side");

            // A two-hour visit is twice as tall as a one-hour lunch, and the lunch starts a quarter of an hour below the visit's end.
            Assert.Equal(2.0, (maternityBox.Height + 2) / (lunchBox.Height + 2), 2);
            Assert.Equal(hour, lunchBox.Height + 2, 1.0);
            Assert.Equal(hour / 4, lunchBox.Y - (maternityBox.Y + maternityBox.Height) - 2, 1.0);

            // On the other seed mission, 14:30 stands at one height on both days too.
            var kaluga = await ItemsAsync(DemoData.KalugaMissionTitle);
            var halfPast = kaluga.Where(i => i.Start == new TimeOnly(14, 30)).OrderBy(i => i.Date).ToList();
            Assert.Equal(2, halfPast.Select(i => i.Date).Distinct().Count());
            await page.GotoAsync($"/programme/{kaluga[0].MissionId}");
            Assert.Equal((await BoxAsync(page, halfPast[0].Id)).Y, (await BoxAsync(page, halfPast[^1].Id)).Y, 0.5);
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync($"/programme/{petersburg[0].MissionId}");
            await page.GetByTestId("programme").ScrollIntoViewIfNeededAsync();
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-1280");

            // A short block opens into the whole card: details, actions and the move form.
            var item = page.Locator($"#item-{lunch.Id}");
            await item.Locator("summary").ClickAsync();
            await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = "Изменить" })).ToBeVisibleAsync();
            await Assertions.Expect(item.GetByTestId("move-form")).ToBeVisibleAsync();
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-1280-card");

            // On a phone the grid keeps the hours aligned and scrolls inside its own frame, not the page.
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways at 390 px");
            var (phoneConference, phoneMaternity) = (await BoxAsync(page, conference.Id), await BoxAsync(page, maternity.Id));
            Assert.Equal(phoneConference.Y - 1, phoneMaternity.Y + phoneMaternity.Height + 1, 1.0);
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-390");
        });

    [BrowserFact]
    public Task An_item_dragged_to_another_day_and_time_moves_there_and_says_so_beside_it() =>
        portal.JourneyAsync("programme-grid-drag", async page =>
        {
            await LoginAsync(page, DemoOptions.AgencyEmail);
            var item = (await ItemsAsync(DemoData.KalugaMissionTitle)).Single(i => i.Title == Summing);
            var days = (await ItemsAsync(DemoData.KalugaMissionTitle)).Select(i => i.Date).Distinct().Order().ToList();
            Assert.Equal((days[0], new TimeOnly(17, 0)), (item.Date, item.Start));
            await page.GotoAsync($"/programme/{item.MissionId}");

            await DragAsync(page, item.Id, days[1], new TimeOnly(17, 30));

            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#item-{item.Id}$"));
            var block = page.Locator($"#item-{item.Id}");
            var note = block.GetByRole(AriaRole.Status);
            await Assertions.Expect(note).ToContainTextAsync("перенесён");
            await Assertions.Expect(page.Locator("main > .alert")).ToHaveCountAsync(0);
            var moved = await ItemAsync(item.Id);
            Assert.Equal((days[1], new TimeOnly(17, 30), new TimeOnly(18, 0)), (moved.Date, moved.Start, moved.End));
            Assert.Equal(days[1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await block.Locator("xpath=ancestor::*[@data-testid='programme-day']").GetAttributeAsync("data-date"));
            await SettledAsync(page);
            Assert.Equal(await HourLineAsync(page, days[1], new TimeOnly(17, 30)), (await block.BoundingBoxAsync())!.Y - 1, 1.0);
            var (blockBox, noteBox) = ((await block.BoundingBoxAsync())!, (await note.BoundingBoxAsync())!);
            Assert.InRange(noteBox.Y - (blockBox.Y + blockBox.Height), 0, 8);
            Assert.InRange(noteBox.X, blockBox.X - 400, blockBox.X + blockBox.Width);
            Assert.True(await note.IsVisibleAsync());
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-dragged");

            // Back where it was, with a drag again.
            await DragAsync(page, item.Id, days[0], new TimeOnly(17, 0));
            await Assertions.Expect(page.Locator($"#item-{item.Id}").GetByRole(AriaRole.Status)).ToContainTextAsync("перенесён");
            var back = await ItemAsync(item.Id);
            Assert.Equal((days[0], new TimeOnly(17, 0)), (back.Date, back.Start));
        });

    [BrowserFact]
    public async Task Without_javascript_the_form_moves_an_item_and_the_refusal_or_the_result_stands_beside_it()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "ru-RU",
            JavaScriptEnabled = false,
        });
        context.SetDefaultNavigationTimeout(60_000);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            await LoginAsync(page, DemoOptions.AgencyEmail);
            var item = (await ItemsAsync(DemoData.KalugaMissionTitle)).Single(i => i.Title == Transfer);
            var days = (await ItemsAsync(DemoData.KalugaMissionTitle)).Select(i => i.Date).Distinct().Order().ToList();
            Assert.Equal((days[1], new TimeOnly(16, 15)), (item.Date, item.Start));
            await page.GotoAsync($"/programme/{item.MissionId}");

            // An hour from 23:30 would run past midnight: refused, said beside the item, nothing moved.
            await MoveWithFormAsync(page, item.Id, days[0], "23:30");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#item-{item.Id}$"));
            await Assertions.Expect(page.Locator($"#item-{item.Id}").GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            Assert.Equal((days[1], new TimeOnly(16, 15)), await ItemAsync(item.Id) is var same ? (same.Date, same.Start) : default);
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-390-refused");

            await MoveWithFormAsync(page, item.Id, days[0], "18:00");
            await Assertions.Expect(page.Locator($"#item-{item.Id}").GetByRole(AriaRole.Status)).ToContainTextAsync("перенесён");
            var moved = await ItemAsync(item.Id);
            Assert.Equal((days[0], new TimeOnly(18, 0), new TimeOnly(19, 0)), (moved.Date, moved.Start, moved.End));
            Assert.Equal(days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.Locator($"#item-{item.Id}").Locator("xpath=ancestor::*[@data-testid='programme-day']").GetAttributeAsync("data-date"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways at 390 px");
            await BrowserPortal.ScreenshotAsync(page, "programme-grid-390-moved");

            await MoveWithFormAsync(page, item.Id, days[1], "16:15");
            await Assertions.Expect(page.Locator($"#item-{item.Id}").GetByRole(AriaRole.Status)).ToContainTextAsync("перенесён");
            Assert.Equal((days[1], new TimeOnly(16, 15)), await ItemAsync(item.Id) is var back ? (back.Date, back.Start) : default);
        }
        catch
        {
            await BrowserPortal.ScreenshotAsync(page, "FAILED-programme-grid-nojs");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [BrowserFact]
    public Task The_ministry_sees_the_same_grid_without_the_editing() =>
        portal.JourneyAsync("programme-grid-ministry", async page =>
        {
            await LoginAsync(page, DemoOptions.MinistryEmail);
            var items = await ItemsAsync(DemoData.PetersburgMissionTitle);
            await page.GotoAsync($"/programme/{items[0].MissionId}");
            await Assertions.Expect(page.GetByTestId("programme-item")).ToHaveCountAsync(items.Count);
            await Assertions.Expect(page.GetByTestId("move-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".tg-item[data-draggable=true]")).ToHaveCountAsync(0);
            var first = page.Locator($"#item-{items[0].Id}");
            await first.Locator("summary").ClickAsync();
            await Assertions.Expect(first.Locator(".tg-pop")).ToBeVisibleAsync();
        });

    private sealed record Item(int Id, int MissionId, string Title, DateOnly Date, TimeOnly Start, TimeOnly End);

    private Task<List<Item>> ItemsAsync(string missionTitle) =>
        portal.QueryAsync(db => db.ProgrammeItems.Where(i => i.Mission!.Title == missionTitle)
            .OrderBy(i => i.Date).ThenBy(i => i.Start)
            .Select(i => new Item(i.Id, i.MissionId, i.Title, i.Date, i.Start, i.End)).ToListAsync());

    private Task<Item> ItemAsync(int id) =>
        portal.QueryAsync(db => db.ProgrammeItems.Where(i => i.Id == id)
            .Select(i => new Item(i.Id, i.MissionId, i.Title, i.Date, i.Start, i.End)).SingleAsync());

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, int itemId)
    {
        var item = page.Locator($"#item-{itemId}");
        await Assertions.Expect(item).ToBeVisibleAsync();
        return (await item.BoundingBoxAsync())!;
    }

    /// <summary>The height of an hour on the page: the grid's height over its hours.</summary>
    private static async Task<float> HourHeightAsync(IPage page)
    {
        var body = (await page.Locator(".tg-body").First.BoundingBoxAsync())!;
        var rows = int.Parse((await page.Locator(".tg").GetAttributeAsync("data-rows"))!, CultureInfo.InvariantCulture);
        return body.Height / (rows / 12f);
    }

    /// <summary>Where the line of a time is drawn on a day: its page coordinates.</summary>
    internal static async Task<float> HourLineAsync(IPage page, DateOnly day, TimeOnly time)
    {
        var first = int.Parse((await page.Locator(".tg").GetAttributeAsync("data-first-hour"))!, CultureInfo.InvariantCulture);
        var body = (await page.Locator($".tg-body[data-date='{day:yyyy-MM-dd}']").BoundingBoxAsync())!;
        return body.Y + (await HourHeightAsync(page) * (float)(time.ToTimeSpan().TotalHours - first));
    }

    /// <summary>Takes the block by its top edge and lets it go where its top meets the day's line of that time.</summary>
    internal static async Task DragAsync(IPage page, int itemId, DateOnly day, TimeOnly time)
    {
        var block = page.Locator($"#item-{itemId}");
        await block.ScrollIntoViewIfNeededAsync();
        await SettledAsync(page);
        var from = (await block.BoundingBoxAsync())!;
        var target = (await page.Locator($".tg-body[data-date='{day:yyyy-MM-dd}']").BoundingBoxAsync())!;
        var grab = 4f;
        var (x, y) = (target.X + (target.Width / 2), await HourLineAsync(page, day, time) + 1 + grab);
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + grab);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + grab + 12, new() { Steps = 3 });
        await page.Mouse.MoveAsync(x, y, new() { Steps = 12 });
        await Assertions.Expect(page.Locator(".tg-ghost")).ToContainTextAsync(time.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.Mouse.UpAsync();
    }

    /// <summary>Waits until the page stops scrolling: a page opened at an item glides to it.</summary>
    internal static Task SettledAsync(IPage page) => page.EvaluateAsync("""
        () => new Promise(resolve => {
          let last = -1, still = 0;
          const frame = () => {
            const now = window.scrollY + document.querySelector('.tg-frame').scrollLeft;
            still = now === last ? still + 1 : 0;
            last = now;
            if (still >= 5) { resolve(); } else { requestAnimationFrame(frame); }
          };
          requestAnimationFrame(frame);
        })
        """);

    private static async Task MoveWithFormAsync(IPage page, int itemId, DateOnly day, string start)
    {
        var item = page.Locator($"#item-{itemId}");
        await item.Locator("summary").ClickAsync();
        var form = item.GetByTestId("move-form");
        await form.GetByLabel("День").SelectOptionAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("Начало").FillAsync(start);
        await form.GetByRole(AriaRole.Button, new() { Name = "Перенести" }).ClickAsync();
    }

    private static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl());
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrl();
}
