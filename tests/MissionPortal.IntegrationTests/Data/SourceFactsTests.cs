using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>
/// Every fact of the two news reports the demo missions come from (Data/Sources/source-facts.tsv) reaches a page the
/// ministry can open: the mission's page, its programme, its report, the visiting delegation's roster or its agreements.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class SourceFactsTests(PortalFactory factory)
{
    public static TheoryData<string> Missions => new() { "kaluga", "petersburg" };

    private static IEnumerable<(string Fact, string Words)> FactsOf(string mission) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "Sources", "source-facts.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(cells => cells[0] == mission)
            .Select(cells => (cells[1], cells[2]));

    /// <summary>What a reader sees: the text of every element, one space between them, in one case, Ё read as Е.</summary>
    private static string Readable(IDocument page) =>
        Normal(string.Join(' ', page.Body!.GetDescendants().OfType<IText>()
            .Where(t => t.ParentElement?.LocalName is not ("script" or "style"))
            .Select(t => t.Data)));

    private static string Normal(string text) => Spaces().Replace(text, " ").Trim().ToLowerInvariant().Replace('ё', 'е');

    [Theory]
    [MemberData(nameof(Missions))]
    public async Task Every_fact_of_the_report_is_on_a_page_the_ministry_opens(string key)
    {
        var title = key == "kaluga" ? DemoData.KalugaMissionTitle : DemoData.PetersburgMissionTitle;
        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == title)
            .Select(m => new
            {
                m.Id,
                Visiting = m.Delegations.Where(d => d.Side == DelegationSide.Visiting).Select(d => d.Id).ToList(),
                Agreements = db.Agreements.Where(a => a.MissionId == m.Id).Select(a => a.Id).ToList(),
            })
            .SingleAsync());
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);

        var urls = new[] { $"/missions/details/{mission.Id}", $"/programme/{mission.Id}", $"/reports/{mission.Id}" }
            .Concat(mission.Visiting.Select(d => $"/rosters/{d}"))
            .Concat(mission.Agreements.Select(a => $"/agreements/{a}"));
        var pages = new List<string>();
        foreach (var url in urls)
        {
            pages.Add(Readable(await ministry.GetPageAsync(url)));
        }

        var facts = FactsOf(key).ToList();
        Assert.True(facts.Count >= 10, $"only {facts.Count} facts of «{key}» in the data file");
        var missing = facts.Where(f => !pages.Any(p => p.Contains(Normal(f.Words), StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "Not on any page the ministry opens:\n" + string.Join('\n', missing.Select(m => $"{m.Fact} («{m.Words}»)")));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
