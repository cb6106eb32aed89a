using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Reports;

/// <summary>Reads a mission's report and the yearly dashboard; the figures come from <see cref="MissionFiguresQuery"/>.</summary>
public sealed class ReportQueries(PortalDbContext db, MissionFiguresQuery figures)
{
    /// <summary>
    /// A mission's report is published once the mission is completed (the report's final «Итоги миссии»); a company
    /// reads it when its people were approved members of one of the mission's delegations.
    /// </summary>
    public Task<bool> IsPublishedToAsync(int missionId, int organizationId, CancellationToken ct) =>
        db.Missions.AnyAsync(m => m.Id == missionId && m.Status == MissionStatus.Completed
            && m.Delegations.Any(d => d.Participants.Any(p => p.OrganizationId == organizationId && p.Status == ParticipantStatus.Approved)), ct);

    public async Task<MissionReportViewModel?> ReportAsync(int missionId, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking()
            .Where(m => m.Id == missionId)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.Kind,
                m.Status,
                m.StartDate,
                m.EndDate,
                Origin = m.OriginRegion!.Name,
                Host = m.HostRegion!.Name,
                Organizers = m.Organizers.OrderBy(o => o.Role).ThenBy(o => o.Id)
                    .Select(o => new ReportOrganizerViewModel(o.Organization!.Name, o.Role)).ToList(),
                Heads = m.Delegations
                    .Where(d => d.Side == DelegationSide.Visiting)
                    .SelectMany(d => d.Participants)
                    .Where(p => p.Role == DelegationRole.Head && p.Status == ParticipantStatus.Approved)
                    .Select(p => new { p.Surname, p.GivenName, p.Patronymic, p.Position })
                    .ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (mission is null)
        {
            return null;
        }

        var items = await db.ProgrammeItems.AsNoTracking()
            .Where(i => i.MissionId == missionId)
            .OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new
            {
                Item = new ProseItem(i.Date, i.Start, i.Kind, i.Title, i.RoundTable == null ? null : i.RoundTable.Topic),
                Resolution = i.RoundTable == null ? null : i.RoundTable.Resolution,
            })
            .ToListAsync(ct);

        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.MissionId == missionId && a.Status >= AgreementStatus.Signed)
            .OrderBy(a => a.SignedOn).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Status,
                a.SignedOn,
                Parties = a.Parties.OrderBy(p => p.Order).Select(p => p.Organization!.Name).ToList(),
                Signatories = a.Signatories.OrderBy(s => s.Id)
                    .Select(s => new { s.Surname, s.GivenName, s.Patronymic, s.Position }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        return new MissionReportViewModel
        {
            MissionId = mission.Id,
            Title = mission.Title,
            Kind = mission.Kind,
            Status = mission.Status,
            StartDate = mission.StartDate,
            EndDate = mission.EndDate,
            OriginRegion = mission.Origin,
            HostRegion = mission.Host,
            Organizers = mission.Organizers,
            Heads = mission.Heads.Select(h => $"{PersonName.InitialsFirst(h.Surname, h.GivenName, h.Patronymic)}, {ProgrammeProse.Lower(h.Position)}").ToList(),
            Figures = await figures.ForAsync(missionId, ct),
            Programme = ProgrammeProse.Paragraphs(items.Select(i => i.Item)),
            Agreements = agreements.Select(a => new ReportAgreementViewModel(
                a.Id, a.Title, a.Status, a.SignedOn, a.Parties,
                a.Signatories.Select(s => $"{PersonName.InitialsFirst(s.Surname, s.GivenName, s.Patronymic)}, {ProgrammeProse.Lower(s.Position)}").ToList())).ToList(),
            RoundTables = items.Where(i => i.Item.Kind == ProgrammeItemKind.RoundTable)
                .Select(i => new ReportRoundTableViewModel(i.Item.RoundTableTopic ?? i.Item.Title, i.Resolution))
                .ToList(),
        };
    }

    public async Task<DashboardViewModel> DashboardAsync(int year, Func<string, string> label, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var missions = await db.Missions.AsNoTracking()
            .Where(m => m.StartDate >= first && m.StartDate <= last && m.Status != MissionStatus.Cancelled)
            .OrderBy(m => m.StartDate).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.StartDate, m.EndDate, m.Status })
            .ToListAsync(ct);
        var counted = await figures.ForAsync(missions.Select(m => m.Id).ToList(), ct);
        var rows = missions
            .Select((m, i) => new DashboardMissionViewModel(i + 1, m.Id, m.Title, m.StartDate, m.EndDate, m.Status, counted[m.Id]))
            .ToList();
        var years = await db.Missions.AsNoTracking().Select(m => m.StartDate.Year).Distinct().ToListAsync(ct);
        if (!years.Contains(year))
        {
            years.Add(year);
        }

        return new DashboardViewModel
        {
            Year = year,
            Years = years.OrderDescending().ToList(),
            Missions = rows,
            Totals = rows.Select(r => r.Figures).Aggregate(MissionFigures.Zero, MissionFigures.Add),
            Charts = DashboardChart.Panels(rows, label),
        };
    }
}
