using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

/// <summary>What the people pages read: the missions open for applications and a mission's people with the form's choices.</summary>
public sealed class ParticipantQueries(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Missions a company may still apply to, with how many of its people are on each.</summary>
    public async Task<List<OpenMissionViewModel>> OpenMissionsAsync(int? companyId, CancellationToken ct)
    {
        var today = HostCalendar.Today(clock);
        var own = companyId ?? -1;
        return await db.Missions.AsNoTracking()
            .Where(m => m.EndDate >= today && m.Status != MissionStatus.Cancelled && m.Status != MissionStatus.Completed)
            .OrderBy(m => m.StartDate)
            .Select(m => new OpenMissionViewModel(m.Id, m.Title, m.StartDate, m.EndDate, m.HostRegion!.Name,
                m.Delegations.SelectMany(d => d.Participants).Count(p => p.OrganizationId == own)))
            .ToListAsync(ct);
    }

    /// <summary>A mission still open for applications, with its delegations, tracked for a change.</summary>
    public Task<Mission?> OpenMissionAsync(int missionId, CancellationToken ct)
    {
        var today = HostCalendar.Today(clock);
        return db.Missions.Include(m => m.Delegations)
            .SingleOrDefaultAsync(m => m.Id == missionId && m.EndDate >= today && m.Status != MissionStatus.Cancelled && m.Status != MissionStatus.Completed, ct);
    }

    /// <summary>Any mission, with its delegations, tracked for a change.</summary>
    public Task<Mission?> MissionAsync(int missionId, CancellationToken ct) =>
        db.Missions.Include(m => m.Delegations).SingleOrDefaultAsync(m => m.Id == missionId, ct);

    /// <summary>A person of the user's own company; null (answered with 404) for anyone else's.</summary>
    public Task<Participant?> OwnPersonAsync(int id, int? companyId, CancellationToken ct)
    {
        var own = companyId ?? -1;
        return db.Participants.Include(p => p.Delegation).SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == own, ct);
    }

    public Task<string?> MissionTitleAsync(int missionId, CancellationToken ct) =>
        db.Missions.Where(m => m.Id == missionId).Select(m => m.Title).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The mission's people and the form: for a company (<paramref name="company"/> set) only its own people of an open
    /// mission; for the agency everyone, with the organisations to choose from. Null for no such mission.
    /// </summary>
    public async Task<ApplicationPageViewModel?> PageAsync(int missionId, PersonInput input, int? company, bool forCompany, CancellationToken ct, ParticipantFilter? filter = null)
    {
        filter = (filter ?? new ParticipantFilter()).Sanitized();
        var mission = forCompany ? await OpenMissionAsync(missionId, ct) : await MissionAsync(missionId, ct);
        if (mission is null)
        {
            return null;
        }

        var people = db.Participants.AsNoTracking().Where(p => p.Delegation!.MissionId == missionId);
        if (forCompany)
        {
            people = people.Where(p => p.OrganizationId == company);
        }

        var rows = await people
            .OrderBy(p => p.Status).ThenBy(p => p.Delegation!.Side)
            .ThenBy(p => p.Role == DelegationRole.Head ? 0 : p.Role == DelegationRole.DeputyHead ? 1 : 2).ThenBy(p => p.ProtocolOrder)
            .Select(p => new
            {
                p.Id,
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                Organization = p.Organization!.ShortName ?? p.Organization.Name,
                p.Email,
                p.Phone,
                p.Status,
                p.Version,
                Delegation = p.Delegation!.Name,
                p.DelegationId,
                p.Role,
                p.Delegation.Side,
                Items = db.ItemRegistrations.Where(r => r.ParticipantId == p.Id)
                    .Join(db.ProgrammeItems, r => r.ProgrammeItemId, i => i.Id, (_, i) => i).OrderBy(i => i.Date).ThenBy(i => i.Start).ThenBy(i => i.Id).Select(i => i.Title).ToList(),
            })
            .ToListAsync(ct);

        var all = rows.Select(p => new PersonRowViewModel(p.Id, PersonName.Full(p.Surname, p.GivenName, p.Patronymic), p.Position, p.Organization, p.Email, p.Phone, p.Status, p.Delegation, p.Items, p.Version) { Role = p.Role, Side = p.Side, DelegationId = p.DelegationId, Surname = p.Surname }).ToList();
        return new ApplicationPageViewModel
        {
            MissionId = missionId,
            MissionTitle = mission.Title,
            Input = input,
            People = Narrow(all, filter),
            Everyone = all.Count,
            Filter = filter,
            Items = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == missionId).OrderBy(i => i.Date).ThenBy(i => i.Start)
                .Select(i => new { i.Id, i.Date, i.Start, i.Title }).ToListAsync(ct) is var items
                ? items.Select(i => new OptionViewModel(i.Id, $"{i.Date:dd.MM} {i.Start:HH\\:mm} — {i.Title}")).ToList()
                : [],
            Delegations = mission.Delegations.OrderBy(d => d.Side).Select(d => new OptionViewModel(d.Id, d.Name)).ToList(),
            DelegationNames = mission.Delegations.OrderBy(d => d.Side).ThenBy(d => d.Id).Select(d => new DelegationNameViewModel(d.Id, d.Name, d.Side, d.Version)).ToList(),
            Organizations = forCompany ? [] : (await db.Organizations.AsNoTracking().Where(o => o.Status != OrganizationStatus.Merged).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct))
                .OrderBy(o => o.Text, RussianCollation.Instance).ToList(),
        };
    }

    /// <summary>The list as the filter asks: found by any part of name, position, organisation, e-mail or phone; ordered.</summary>
    public static List<PersonRowViewModel> Narrow(IEnumerable<PersonRowViewModel> people, ParticipantFilter filter)
    {
        var text = PeopleQueries.Fold(filter.Q);
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var phoneLike = digits.Length >= 3 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+');
        var found = people.Where(p =>
            (filter.Status is not { } status || p.Status == status)
            && (filter.DelegationId is not { } delegation || p.DelegationId == delegation)
            && (filter.Role is not { } role || p.Role == role)
            && (text.Length == 0
                || PeopleQueries.Fold(p.FullName).Contains(text, StringComparison.Ordinal)
                || PeopleQueries.Fold(p.Position).Contains(text, StringComparison.Ordinal)
                || PeopleQueries.Fold(p.Organization).Contains(text, StringComparison.Ordinal)
                || PeopleQueries.Fold(p.Email).Contains(text, StringComparison.Ordinal)
                || (phoneLike && (p.Phone ?? string.Empty).Contains(digits, StringComparison.Ordinal))));
        return filter.Sort switch
        {
            ParticipantFilter.ByName => found.OrderBy(p => p.FullName, RussianCollation.Instance).ToList(),
            ParticipantFilter.ByOrganisation => found.OrderBy(p => p.Organization ?? "\uffff", RussianCollation.Instance).ThenBy(p => p.FullName, RussianCollation.Instance).ToList(),
            ParticipantFilter.ByPosition => found.OrderBy(p => p.Position, RussianCollation.Instance).ThenBy(p => p.FullName, RussianCollation.Instance).ToList(),
            ParticipantFilter.ByStatus => found.OrderBy(p => p.Status).ThenBy(p => p.FullName, RussianCollation.Instance).ToList(),
            _ => found.ToList(),
        };
    }
}
