using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Missions;

[Collection(PortalCollection.Name)]
public class MissionDetailsTests(PortalFactory factory)
{
    [Fact]
    public async Task The_Kaluga_mission_page_shows_organisers_delegation_and_both_days_hour_by_hour()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);

        var page = await client.GetPageAsync(await factory.ResolveAsync("/missions/details/{kaluga}"));

        var days = page.QuerySelectorAll("[data-testid=programme-day]");
        Assert.Equal(2, days.Length);
        Assert.Contains("10 декабря", days[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("11 декабря", days[1].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("бизнес-инкубатор", days[0].TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Железногорск", days[1].TextContent, StringComparison.Ordinal);
        Assert.True(days[0].QuerySelectorAll("[data-testid=programme-item]").Length >= 4);

        var times = days[1].QuerySelectorAll("[data-testid=programme-item] .time").Select(t => t.TextContent).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);

        Assert.Contains("поддержки малого и среднего бизнеса", page.QuerySelector("[data-testid=organizers]")!.TextContent, StringComparison.Ordinal);
        var delegations = page.QuerySelectorAll("[data-testid=delegation]");
        Assert.Contains("Глава делегации", delegations.Single(d => d.TextContent.Contains("Принимающая сторона", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        // The report names no head of the Kaluga delegation, so the demo gives it none.
        Assert.DoesNotContain("Глава делегации", delegations.Single(d => d.TextContent.Contains("Делегация Калужской области", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Petersburg_page_prints_the_cluster_roster_as_the_seed_does()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.MinistryEmail);

        var page = await client.GetPageAsync(await factory.ResolveAsync("/missions/details/{petersburg}"));

        var rows = page.QuerySelectorAll("[data-testid=delegation] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.TextContent.Trim().Replace("Глава делегации", "", StringComparison.Ordinal).Trim())))
            .ToList();
        Assert.Contains("Говорунов Александр Николаевич | Вице-губернатор Санкт-Петербурга — руководитель Администрации Губернатора Санкт-Петербурга", rows);
        Assert.Contains("Гаврилова Анастасия Вячеславовна | Референт по связям с общественностью Кластера медицинского, экологического приборостроения и биотехнологий", rows);
        Assert.Contains("Чихман Николай Валерьевич | Директор по развитию ООО \"СтройРеанимация\"", rows);
        Assert.Contains("Козлов Дмитрий Алексеевич | Начальник отдела продаж ООО \"СтройРеанимация\"", rows);
        var programme = page.QuerySelector("[data-testid=programme]")!.TextContent;
        Assert.Contains("Малое и среднее предпринимательство. Проблемы и точки роста в современных условиях", programme, StringComparison.Ordinal);
        Assert.Contains("Соглашение между Правительством Санкт-Петербурга", programme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_gets_404_for_a_mission_it_takes_no_part_in_and_a_missing_id()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.CompanyEmail);

        var foreign = await client.GetPageAsync(await factory.ResolveAsync("/missions/details/{petersburg}"), System.Net.HttpStatusCode.NotFound);
        await client.GetPageAsync("/missions/details/999999", System.Net.HttpStatusCode.NotFound);

        Assert.Contains("Страница не найдена", foreign.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var list = await client.GetPageAsync("/missions");
        Assert.DoesNotContain("Санкт-Петербург", list.QuerySelector("[data-testid=missions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Russian_text_goes_out_as_UTF8_not_as_numeric_entities()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);

        using var response = await client.GetAsync(await factory.ResolveAsync("/missions/details/{kaluga}"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Программа", html, StringComparison.Ordinal);
        // The one character written as an entity is the non-breaking space («2026&#xA0;г.»): invisible in source otherwise.
        Assert.DoesNotContain("&#x", html.Replace("&#xA0;", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("10–11 декабря 2026&#xA0;г.", html, StringComparison.Ordinal);
    }
}
