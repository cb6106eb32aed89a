using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Features.Rosters;

/// <summary>The seed delegations and items the roster tests read, and large delegations made for a test.</summary>
public static class RosterData
{
    /// <summary>The seed 003 roster as printed, in protocol order.</summary>
    public static readonly string[] PetersburgNames =
    [
        "Говорунов Александр Николаевич",
        "Орлов Дмитрий Сергеевич",
        "Мельникова Татьяна Юрьевна",
        "Богданов Игорь Павлович",
        "Гаврилова Анастасия Вячеславовна",
        "Чихман Николай Валерьевич",
        "Козлов Дмитрий Алексеевич",
    ];

    public const string OncologyVisit = "Посещение КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»";

    public static Task<int> DelegationAsync(PortalFactory factory, string missionTitle, DelegationSide side = DelegationSide.Visiting) =>
        factory.QueryAsync(db => db.Delegations.Where(d => d.Mission!.Title == missionTitle && d.Side == side).Select(d => d.Id).SingleAsync());

    public static Task<int> PetersburgAsync(PortalFactory factory) => DelegationAsync(factory, DemoData.PetersburgMissionTitle);

    public static Task<int> ItemAsync(PortalFactory factory, string title) =>
        factory.QueryAsync(db => db.ProgrammeItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync());

    /// <summary>A mission with one visiting delegation of <paramref name="count"/> people, surnames with Ё among them; the last is «Ёжикова-Щукина Юлия Фёдоровна».</summary>
    public static async Task<int> LargeDelegationAsync(PortalFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // [0] Красноярский край (the host), [1] Калужская область.
        var regions = await db.Regions.Where(r => r.Code == 24 || r.Code == 40).OrderBy(r => r.Code).Select(r => r.Id).ToListAsync();
        var mission = new Mission(MissionKind.BusinessMission, "Большая делегация " + Guid.NewGuid().ToString("N")[..6], regions[1], regions[0], new DateOnly(2027, 5, 12), new DateOnly(2027, 5, 13));
        var delegation = mission.AddDelegation("Делегация из " + count + " человек", DelegationSide.Visiting);
        delegation.AddParticipant("Фёдоров", "Семён", "Петрович", "Руководитель делегации", null, DelegationRole.Head);
        for (var i = 2; i < count; i++)
        {
            delegation.AddParticipant($"Участников-{i:D3}", "Пётр", "Алексеевич", $"Инженер {i}", null);
        }

        delegation.AddParticipant("Ёжикова-Щукина", "Юлия", "Фёдоровна", "Референт", null);
        db.Missions.Add(mission);
        await db.SaveChangesAsync();
        return delegation.Id;
    }
}
