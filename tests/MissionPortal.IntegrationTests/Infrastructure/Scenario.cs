using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>A small mission of a test's own, so tests that change a programme don't touch each other's.</summary>
public sealed record Scenario(int MissionId, int DelegationId, int[] PeopleIds, int HallId, int SmallRoomId, int PlantId, int MorningItemId, int PlantVisitId)
{
    public static readonly DateOnly Day1 = new(2027, 3, 10);
    public static readonly DateOnly Day2 = new(2027, 3, 11);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Two days; a visiting delegation of four; a hall in Krasnoyarsk (100 seats), a small room (2 seats) and a
    /// plant in Zheleznogorsk. Day 1: 10:00–11:00 at the hall. Day 2: 12:00–13:00 a visit to the plant.
    /// </summary>
    /// <remarks><paramref name="hostRegionCode"/>: the host region's code, Красноярский край (24) unless a test needs another zone.</remarks>
    public static async Task<Scenario> CreateAsync(PortalFactory factory, string title, int hostRegionCode = 24)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // [0] the host (Красноярский край unless asked), [1] Калужская область.
        var regions = new[]
        {
            await db.Regions.Where(r => r.Code == hostRegionCode).Select(r => r.Id).SingleAsync(),
            await db.Regions.Where(r => r.Code == 40).Select(r => r.Id).SingleAsync(),
        };
        var hall = new Venue($"Зал {title}", "Красноярск", "пр. Мира, 1", 100);
        var room = new Venue($"Переговорная {title}", "Красноярск", "пр. Мира, 1", 2);
        var plant = new Venue($"Завод {title}", "Железногорск", "ул. Ленина, 1", 40);
        var host = new Organization($"АО «Завод {title}»", OrganizationKind.HostEnterprise, regions[0]);
        db.AddRange(hall, room, plant, host);

        var mission = new Mission(MissionKind.BusinessMission, title, regions[1], regions[0], Day1, Day2);
        var delegation = mission.AddDelegation("Делегация " + title, DelegationSide.Visiting);
        var people = new[]
        {
            delegation.AddParticipant("Иванов", "Иван", "Иванович", "Глава", null, DelegationRole.Head),
            delegation.AddParticipant("Петрова", "Мария", "Сергеевна", "Директор", null),
            delegation.AddParticipant("Сидоров", "Пётр", "Олегович", "Инженер", null),
            delegation.AddParticipant("Ёлкина", "Анна", null, "Референт", null),
        };
        mission.AddItem(Day1, new TimeOnly(10, 0), new TimeOnly(11, 0), ProgrammeItemKind.Meeting, "Утренняя встреча", hall).AttendedBy(delegation);
        mission.AddItem(Day2, new TimeOnly(12, 0), new TimeOnly(13, 0), ProgrammeItemKind.SiteVisit, "Посещение завода", plant)
            .AttendedBy(delegation)
            .VisitTo(host);
        db.Missions.Add(mission);
        await db.SaveChangesAsync();

        var items = mission.ProgrammeItems.OrderBy(i => i.Date).Select(i => i.Id).ToArray();
        return new Scenario(mission.Id, delegation.Id, people.Select(p => p.Id).ToArray(), hall.Id, room.Id, plant.Id, items[0], items[1]);
    }
}
