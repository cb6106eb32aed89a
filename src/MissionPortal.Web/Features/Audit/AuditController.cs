using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Audit;

public sealed class AuditFilter
{
    public string? Entity { get; set; }

    public string? EntityId { get; set; }

    public int? MissionId { get; set; }

    public string? UserId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AuditChangeViewModel(string Field, string? Old, string? New);

public sealed record AuditRowViewModel(
    long Id, DateTimeOffset At, string? UserId, string User, string EntityType, string Entity, string EntityId,
    int? MissionId, string? Mission, AuditAction Action, IReadOnlyList<AuditChangeViewModel> Changes);

public sealed class AuditIndexViewModel
{
    public required AuditFilter Filter { get; init; }

    public IReadOnlyList<AuditRowViewModel> Rows { get; init; } = [];

    /// <summary>The zone the date filter reads days in: the chosen mission's, or the portal's default.</summary>
    public string DateZone { get; init; } = string.Empty;

    public int Total { get; init; }

    public int Pages { get; init; }

    public IReadOnlyList<OptionViewModel> Missions { get; init; } = [];

    public IReadOnlyList<(string Id, string Name)> Users { get; init; } = [];

    public IReadOnlyList<(string Type, string Name)> Entities { get; init; } = [];
}

/// <summary>
/// The audit log: every change to missions, programmes, participants, companies and agreements, with who, when and
/// each field's old and new value. Filters by record type, one record (its history), mission, user and dates.
/// </summary>
[Route("audit")]
[Authorize(Policy = Policies.ViewAuditLog)]
public class AuditController(PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            entries = entries.Where(a => a.EntityType == filter.Entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            entries = entries.Where(a => a.EntityId == filter.EntityId);
        }

        if (filter.MissionId is { } missionId)
        {
            entries = entries.Where(a => a.MissionId == missionId);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            entries = entries.Where(a => a.UserId == filter.UserId);
        }

        // The dates are days of the chosen mission's host region, or of the portal's default zone: the zone the rows
        // shown are in, so a row dated the 5th is found by the 5th.
        var dateZone = await MissionZone.OfMissionAsync(db, filter.MissionId, ct);
        if (filter.From is { } from)
        {
            var fromUtc = MidnightUtc(from, dateZone.Zone);
            entries = entries.Where(a => a.AtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = MidnightUtc(to.Year > 9998 ? to : to.AddDays(1), dateZone.Zone);
            entries = entries.Where(a => a.AtUtc < toUtc);
        }

        var total = await entries.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        filter.Page = Math.Clamp(filter.Page, 1, pages);
        var page = await entries.OrderByDescending(a => a.Id).Skip((filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var missionRows = await db.Missions.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new { m.Id, m.Title, m.HostRegion!.TimeZoneId }).ToListAsync(ct);
        var missions = missionRows.Select(m => new OptionViewModel(m.Id, m.Title)).ToList();
        // An entry of a mission is shown in its host region's zone, any other in the portal's default zone.
        var zones = missionRows.ToDictionary(m => m.Id, m => HostCalendar.Zone(m.TimeZoneId));
        var users = await db.AuditEntries.AsNoTracking().Where(a => a.UserId != null)
            .GroupBy(a => a.UserId!).Select(g => new { Id = g.Key, Name = g.Max(a => a.UserName) }).ToListAsync(ct);
        var titles = missions.ToDictionary(m => m.Id, m => m.Text);
        var types = db.Model.GetEntityTypes().GroupBy(t => t.ShortName()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return View(new AuditIndexViewModel
        {
            Filter = filter,
            DateZone = dateZone.Label(l),
            Total = total,
            Pages = pages,
            Rows = page.Select(a => new AuditRowViewModel(
                a.Id,
                TimeZoneInfo.ConvertTime(new DateTimeOffset(a.AtUtc, TimeSpan.Zero), a.MissionId is { } zoneOf && zones.TryGetValue(zoneOf, out var zone) ? zone : HostCalendar.Default),
                a.UserId,
                a.UserName ?? l["Посетитель без входа"],
                a.EntityType,
                l[AuditText.Entity(a.EntityType)],
                a.EntityId,
                a.MissionId,
                a.MissionId is { } id && titles.TryGetValue(id, out var title) ? title : null,
                a.Action,
                a.ReadChanges().Select(c => new AuditChangeViewModel(
                    l[AuditText.Field(c.Field)],
                    Value(types.GetValueOrDefault(a.EntityType), c.Field, c.Old),
                    Value(types.GetValueOrDefault(a.EntityType), c.Field, c.New))).ToList())).ToList(),
            Missions = missions,
            Users = users.OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(u => (u.Id, u.Name ?? u.Id)).ToList(),
            Entities = AuditText.Entities.Where(e => types.ContainsKey(e.Key)).Select(e => (e.Key, l[e.Value].Value))
                .OrderBy(e => e.Item2, StringComparer.CurrentCulture).ToList(),
        });
    }

    private static DateTime MidnightUtc(DateOnly date, TimeZoneInfo zone) => date.Year switch
    {
        // The calendar's first and last years: the zone's offset would step outside DateTime.
        < 2 => DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
        > 9998 => DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
        _ => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone),
    };

    /// <summary>A stored value as people read it: enum values by their names, yes and no, dates in the portal's format.</summary>
    private string? Value(IEntityType? type, string field, string? value)
    {
        if (value is null || type?.FindProperty(field) is not { } property)
        {
            return value;
        }

        var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (clr.IsEnum && Enum.TryParse(clr, value, out var parsed) && parsed is Enum known && Enum.IsDefined(clr, known))
        {
            var text = EnumText.Of(known);
            return text == value ? value : l[text];
        }

        if (clr == typeof(bool))
        {
            return value == "true" ? l["да"] : l["нет"];
        }

        if (clr == typeof(DateOnly) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Formats.ShortDate(date);
        }

        return value;
    }
}
