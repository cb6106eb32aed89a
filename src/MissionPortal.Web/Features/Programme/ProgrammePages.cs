using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Programme;

/// <summary>What the programme's pages read: the timeline, the item form and its lists, the deleted items, the changes.</summary>
public sealed class ProgrammePages(PortalDbContext db, ProgrammeQueries programme, IStringLocalizer<SharedResource> l)
{
    /// <summary>The programme page: one command for the mission, its review state and acknowledged conflicts; three for the programme.</summary>
    public async Task<ProgrammePageViewModel?> IndexAsync(int missionId, bool canEdit, bool canApprove, CancellationToken ct)
    {
        var page = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new
            {
                Mission = new MissionHeaderViewModel
                {
                    Id = m.Id,
                    Title = m.Title,
                    StartDate = m.StartDate,
                    EndDate = m.EndDate,
                    Status = m.Status,
                    CalendarToken = m.CalendarToken,
                    TimeZoneId = m.HostRegion!.TimeZoneId,
                },
                LastReview = db.ProgrammeReviews.Where(r => r.MissionId == m.Id)
                    .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
                    .Select(r => new ReviewViewModel(r.Decision, r.Comment, r.By, r.AtUtc))
                    .FirstOrDefault(),
                Approved = db.ProgrammeReviews.Any(r => r.MissionId == m.Id && r.Decision == ReviewDecision.Approved),
                ChangesSinceApproval = db.ProgrammeChanges.Count(c => c.MissionId == m.Id && c.AtUtc > db.ProgrammeReviews
                    .Where(r => r.MissionId == m.Id && r.Decision == ReviewDecision.Approved)
                    .Max(r => (DateTime?)r.AtUtc)),
                Acknowledgements = db.ConflictAcknowledgements.Where(a => a.MissionId == m.Id)
                    .Select(a => new AcknowledgementViewModel(a.ConflictKey, a.Accepted, a.Reason, a.AcknowledgedBy, a.AcknowledgedAtUtc))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (page is null)
        {
            return null;
        }

        var mission = page.Mission;
        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        return new ProgrammePageViewModel
        {
            Mission = mission,
            Days = snapshot.Days(mission.StartDate, mission.EndDate),
            Conflicts = ConflictText.Conflicts(snapshot, page.Acknowledgements, l),
            LastReview = page.LastReview,
            Approved = page.Approved,
            ChangesSinceApproval = page.ChangesSinceApproval,
            CanEdit = canEdit,
            CanApprove = canApprove,
        };
    }

    /// <summary>The programme's conflicts that no acceptance covers, as the page says them.</summary>
    public async Task<IReadOnlyList<ConflictViewModel>> OpenConflictsAsync(int missionId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var snapshot = await programme.LoadAsync(missionId, start, end, ct);
        var acknowledgements = await db.ConflictAcknowledgements.AsNoTracking().Where(a => a.MissionId == missionId)
            .Select(a => new AcknowledgementViewModel(a.ConflictKey, a.Accepted, a.Reason, a.AcknowledgedBy, a.AcknowledgedAtUtc))
            .ToListAsync(ct);
        return ConflictText.Conflicts(snapshot, acknowledgements, l).Where(c => c.Acknowledgement is null).ToList();
    }

    /// <summary>The programme day by day on A4, if the user may see the mission.</summary>
    public async Task<ProgrammePageViewModel?> PrintAsync(int missionId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.Missions.VisibleTo(user).AnyAsync(m => m.Id == missionId, ct))
        {
            return null;
        }

        var mission = (await HeaderAsync(missionId, ct))!;
        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        return new ProgrammePageViewModel { Mission = mission, Days = snapshot.Days(mission.StartDate, mission.EndDate) };
    }

    /// <summary>The form for a new item on a day of the mission (its first day unless another of its days is asked for).</summary>
    public async Task<ItemFormViewModel?> NewItemAsync(int missionId, DateOnly? date, CancellationToken ct)
    {
        if (await HeaderAsync(missionId, ct) is not { } mission)
        {
            return null;
        }

        var input = new ProgrammeItemInput
        {
            Date = date is { } d && mission.IsWithinDates(d) ? d : mission.StartDate,
            Start = new TimeOnly(10, 0),
            End = new TimeOnly(11, 0),
            Kind = ProgrammeItemKind.Meeting,
            DelegationId = await VisitingDelegationAsync(missionId, ct),
        };
        return await FormAsync(mission, null, input, manyDays: false, ct);
    }

    /// <summary>The form for one item on several days: a lunch on every day, by default.</summary>
    public async Task<ItemFormViewModel?> AddToDaysAsync(int missionId, CancellationToken ct)
    {
        if (await HeaderAsync(missionId, ct) is not { } mission)
        {
            return null;
        }

        var input = new ProgrammeItemInput
        {
            Start = new TimeOnly(13, 0),
            End = new TimeOnly(14, 0),
            Kind = ProgrammeItemKind.Break,
            Title = l["Обед"],
            DelegationId = await VisitingDelegationAsync(missionId, ct),
            Dates = [.. mission.Days],
        };
        return await FormAsync(mission, null, input, manyDays: true, ct);
    }

    /// <summary>The form of an item as it is stored: the programme is read once, for the item and the form's lists.</summary>
    public async Task<ItemFormViewModel?> EditItemAsync(int id, CancellationToken ct)
    {
        if (await ItemHeaderAsync(id, ct) is not { } mission)
        {
            return null;
        }

        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        var item = snapshot.Items.Single(i => i.Id == id);
        return await FormAsync(mission, id, InputOf(item), manyDays: false, snapshot, ct);
    }

    /// <summary>The header of the mission whose (not deleted) item this is.</summary>
    public async Task<MissionHeaderViewModel?> ItemHeaderAsync(int id, CancellationToken ct)
    {
        var missionId = await db.ProgrammeItems.Where(i => i.Id == id).Select(i => (int?)i.MissionId).SingleOrDefaultAsync(ct);
        return missionId is null ? null : await HeaderAsync(missionId.Value, ct);
    }

    /// <summary>
    /// After someone else saved the item meanwhile: what is stored now beside what this user typed (with the stored
    /// version, so saving again overwrites knowingly); null when the item was deleted meanwhile.
    /// </summary>
    public async Task<ItemFormViewModel?> ConflictAsync(MissionHeaderViewModel mission, int id, ProgrammeItemInput input, CancellationToken ct)
    {
        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        if (snapshot.Items.SingleOrDefault(i => i.Id == id) is not { } current)
        {
            return null;
        }

        input.Version = current.Version;
        var form = await FormAsync(mission, id, input, manyDays: false, snapshot, ct);
        return new ItemFormViewModel
        {
            ItemId = id,
            Mission = mission,
            Input = input,
            Venues = form.Venues,
            Organizations = form.Organizations,
            Agreements = form.Agreements,
            Delegations = form.Delegations,
            Groups = form.Groups,
            People = form.People,
            Current = current,
        };
    }

    /// <summary>The mission's deleted items, newest first.</summary>
    public async Task<DeletedItemsViewModel?> DeletedAsync(int missionId, CancellationToken ct)
    {
        if (await HeaderAsync(missionId, ct) is not { } mission)
        {
            return null;
        }

        var items = await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.MissionId == missionId && i.DeletedAtUtc != null)
            .OrderByDescending(i => i.DeletedAtUtc)
            .Select(i => new DeletedItemViewModel(i.Id, i.Date, i.Start, i.End, i.Title, i.Venue!.Name, i.DeletedAtUtc!.Value, i.Version))
            .ToListAsync(ct);
        return new DeletedItemsViewModel(mission, items);
    }

    /// <summary>The approval history and every change since the last approval.</summary>
    public async Task<ChangesPageViewModel?> ChangesAsync(int missionId, CancellationToken ct)
    {
        if (await HeaderAsync(missionId, ct) is not { } mission)
        {
            return null;
        }

        var reviews = await db.ProgrammeReviews.AsNoTracking().Where(r => r.MissionId == missionId)
            .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
            .Select(r => new ReviewViewModel(r.Decision, r.Comment, r.By, r.AtUtc))
            .ToListAsync(ct);
        var lastApproval = reviews.FirstOrDefault(r => r.Decision == ReviewDecision.Approved);
        var since = lastApproval?.AtUtc ?? DateTime.MinValue;
        return new ChangesPageViewModel
        {
            Mission = mission,
            LastApproval = lastApproval,
            Reviews = reviews,
            Changes = await db.ProgrammeChanges.AsNoTracking()
                .Where(c => c.MissionId == missionId && c.AtUtc > since)
                .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new ChangeViewModel(c.Kind, c.Title, c.Before, c.After, c.By, c.AtUtc))
                .ToListAsync(ct),
        };
    }

    /// <summary>Where an item is now, for a delete or restore decided on a page older than the item.</summary>
    public async Task<(string Message, int MissionId, bool Deleted)> WhereIsAsync(int id, CancellationToken ct)
    {
        var current = await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id, ct);
        var deleted = current.DeletedAtUtc is not null;
        return (deleted
            ? l["Пункт «{0}» сейчас среди удалённых.", current.Title]
            : l["Пункт «{0}» сейчас в программе: {1}, {2}–{3}.", current.Title, Formats.ShortDate(current.Date), Formats.Time(current.Start), Formats.Time(current.End)],
            current.MissionId, deleted);
    }

    public Task<MissionHeaderViewModel?> HeaderAsync(int missionId, CancellationToken ct) =>
        db.Missions.AsNoTracking().Where(m => m.Id == missionId)
            .Select(m => new MissionHeaderViewModel
            {
                Id = m.Id,
                Title = m.Title,
                StartDate = m.StartDate,
                EndDate = m.EndDate,
                Status = m.Status,
                CalendarToken = m.CalendarToken,
                TimeZoneId = m.HostRegion!.TimeZoneId,
            })
            .SingleOrDefaultAsync(ct);

    public async Task<ItemFormViewModel> FormAsync(MissionHeaderViewModel mission, int? itemId, ProgrammeItemInput input, bool manyDays, CancellationToken ct) =>
        await FormAsync(mission, itemId, input, manyDays, await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct), ct);

    private async Task<ItemFormViewModel> FormAsync(MissionHeaderViewModel mission, int? itemId, ProgrammeItemInput input, bool manyDays, ProgrammeSnapshot snapshotPeople, CancellationToken ct) => new()
    {
        ItemId = itemId,
        Mission = mission,
        Input = input,
        ManyDays = manyDays,
        Venues = await db.Venues.AsNoTracking().Where(v => v.DeletedAtUtc == null || v.Id == input.VenueId).OrderBy(v => v.City).ThenBy(v => v.Name)
            .Select(v => new OptionViewModel(v.Id, v.City + " — " + v.Name + (v.Capacity == null ? "" : " (" + v.Capacity + ")")))
            .ToListAsync(ct),
        Organizations = await VisitHostsAsync(mission.Id, input.HostOrganizationId, ct),
        Agreements = await db.Agreements.AsNoTracking().Where(a => a.MissionId == null || a.MissionId == mission.Id)
            .OrderBy(a => a.Title).Select(a => new OptionViewModel(a.Id, a.Title)).ToListAsync(ct),
        Delegations = snapshotPeople.Delegations.Select(d => new OptionViewModel(d.Id, d.Name)).ToList(),
        Groups = snapshotPeople.Groups,
        People = snapshotPeople.People,
    };

    /// <summary>New items are attended by the visiting delegation unless the planner says otherwise.</summary>
    private Task<int?> VisitingDelegationAsync(int missionId, CancellationToken ct) =>
        db.Delegations.Where(d => d.MissionId == missionId && d.Side == DelegationSide.Visiting)
            .OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The organisations a visit may be planned at: those of the host region other than companies (enterprises,
    /// institutions, authorities, clusters), those whose people take part in the mission on either side, and the one
    /// already chosen. Not every organisation of the registry: a planner picks among these, and the list stays short
    /// however many companies register.
    /// </summary>
    private async Task<IReadOnlyList<OptionViewModel>> VisitHostsAsync(int missionId, int? chosen, CancellationToken ct)
    {
        var hostRegion = db.Missions.Where(m => m.Id == missionId).Select(m => m.HostRegionId);
        var taking = db.Participants.Where(p => p.Delegation!.MissionId == missionId && p.OrganizationId != null).Select(p => p.OrganizationId!.Value);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Id == chosen
                || (o.Kind != OrganizationKind.Company && hostRegion.Contains(o.RegionId))
                || taking.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new OptionViewModel(o.Id, o.Name))
            .ToListAsync(ct);
    }

    private static ProgrammeItemInput InputOf(ProgrammeItemViewModel item) => new()
    {
        Date = item.Date,
        Start = item.Start,
        End = item.End,
        Kind = item.Kind,
        Title = item.Title,
        Description = item.Description,
        VenueId = item.VenueId,
        ResponsibleId = item.ResponsibleId,
        AttendeeScope = item.AttendeeScope,
        DelegationId = item.DelegationId,
        GroupId = item.GroupId,
        ParticipantIds = [.. item.AttendeeIds],
        HostOrganizationId = item.VisitHostId,
        OfficialIds = [.. item.OfficialIds],
        RoundTableTopic = item.RoundTableTopic,
        ModeratorId = item.ModeratorId,
        SpeakerIds = [.. item.SpeakerIds],
        Resolution = item.RoundTableResolution,
        AgreementId = item.AgreementId,
        Version = item.Version,
    };
}
