using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Common;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Programme;

/// <summary>The printed programme carries what an official needs on paper: each round table's topic, moderator and speakers, and the agreement signed.</summary>
public class PrintViewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_print_view_shows_round_tables_with_topic_moderator_and_speakers_and_the_signings_agreement()
    {
        var missionId = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).SingleAsync());
        var tables = await factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == missionId && i.RoundTable != null)
            .Select(i => new
            {
                i.RoundTable!.Topic,
                Moderator = i.RoundTable.Moderator == null ? null : new { i.RoundTable.Moderator.Surname, i.RoundTable.Moderator.GivenName, i.RoundTable.Moderator.Patronymic },
                Speakers = i.RoundTable.Speakers.Select(s => new { s.Participant!.Surname, s.Participant.GivenName, s.Participant.Patronymic }).ToList(),
            })
            .ToListAsync());
        var agreements = await factory.QueryAsync(db => db.Agreements.Where(a => a.MissionId == missionId && a.ProgrammeItemId != null).Select(a => a.Title).ToListAsync());
        Assert.NotEmpty(tables);
        Assert.NotEmpty(agreements);

        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var print = await ministry.GetPageAsync($"/programme/{missionId}/print");

        var topics = print.QuerySelectorAll("[data-testid=print-topic]").Select(t => t.TextContent).ToList();
        var moderators = print.QuerySelectorAll("[data-testid=print-moderator]").Select(t => t.TextContent).ToList();
        var speakers = print.QuerySelectorAll("[data-testid=print-speakers]").Select(t => t.TextContent).ToList();
        foreach (var table in tables)
        {
            Assert.Contains(topics, t => t.Contains(table.Topic, StringComparison.Ordinal));
            if (table.Moderator is { } m)
            {
                Assert.Contains(moderators, t => t.Contains(PersonName.Short(m.Surname, m.GivenName, m.Patronymic), StringComparison.Ordinal));
            }

            foreach (var speaker in table.Speakers)
            {
                Assert.Contains(speakers, t => t.Contains(PersonName.Short(speaker.Surname, speaker.GivenName, speaker.Patronymic), StringComparison.Ordinal));
            }
        }

        var printed = print.QuerySelectorAll("[data-testid=print-agreement]").Select(a => a.TextContent).ToList();
        Assert.All(agreements, title => Assert.Contains(printed, p => p.Contains(title, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_round_table_planned_with_a_moderator_and_speakers_prints_them()
    {
        var s = await Scenario.CreateAsync(factory, "Печать круглого стола " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var added = await agency.SubmitFormAsync($"/programme/{s.MissionId}/items/new", "form[data-testid=item-form]",
            [new("Date", Scenario.Iso(Scenario.Day2)), new("Start", "15:00"), new("End", "16:30"), new("Kind", "RoundTable"), new("Title", "Круглый стол"),
             new("AttendeeScope", "WholeDelegation"), new("DelegationId", $"{s.DelegationId}"), new("VenueId", $"{s.HallId}"),
             new("RoundTableTopic", "Кооперация в промышленности"), new("ModeratorId", $"{s.PeopleIds[1]}"), new("SpeakerIds", $"{s.PeopleIds[2]}"), new("SpeakerIds", $"{s.PeopleIds[3]}")]))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        }

        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        var print = await ministry.GetPageAsync($"/programme/{s.MissionId}/print");

        Assert.Contains("Кооперация в промышленности", print.QuerySelector("[data-testid=print-topic]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PersonName.Short("Петрова", "Мария", "Сергеевна"), print.QuerySelector("[data-testid=print-moderator]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PersonName.Short("Сидоров", "Пётр", "Олегович") + ", " + PersonName.Short("Ёлкина", "Анна", null), print.QuerySelector("[data-testid=print-speakers]")!.TextContent, StringComparison.Ordinal);
    }
}
