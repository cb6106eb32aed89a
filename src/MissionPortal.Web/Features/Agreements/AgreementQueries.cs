using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>What the registry's pages read: the filtered list, an agreement's card and the form's choices.</summary>
public sealed class AgreementQueries(PortalDbContext db, IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 100;

    public async Task<AgreementIndexViewModel> IndexAsync(AgreementFilter filter, bool canManage, CancellationToken ct)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            agreements = agreements.Where(a => a.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            agreements = agreements.Where(a => a.Status == status);
        }

        if (filter.Area is { } area && area != CooperationAreas.None)
        {
            agreements = agreements.Where(a => ((int)a.Areas & (int)area) != 0);
        }

        if (filter.MissionId is { } missionId)
        {
            agreements = agreements.Where(a => a.MissionId == missionId);
        }

        if (filter.Year is < 1 or > 9999)
        {
            // A year no calendar has: nothing was signed in it.
            agreements = agreements.Where(a => false);
        }
        else if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            agreements = agreements.Where(a => a.SignedOn >= first && a.SignedOn <= last);
        }

        return new AgreementIndexViewModel
        {
            Filter = filter,
            Agreements = await agreements
                .OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id)
                .Take(PageSize)
                .Select(a => new AgreementListItemViewModel
                {
                    Id = a.Id,
                    Title = a.Title,
                    Kind = a.Kind,
                    Status = a.Status,
                    Areas = a.Areas,
                    SignedOn = a.SignedOn,
                    MissionId = a.MissionId,
                    Mission = a.Mission!.Title,
                    Parties = a.Parties.OrderBy(p => p.Order).Select(p => p.Organization!.ShortName ?? p.Organization.Name).ToList(),
                })
                .ToListAsync(ct),
            Missions = await MissionsAsync(ct),
            Years = await db.Agreements.Where(a => a.SignedOn != null).Select(a => a.SignedOn!.Value.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct),
            CanManage = canManage,
        };
    }

    public async Task<AgreementDetailsViewModel?> DetailsAsync(int id, bool canManage, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgreementDetailsViewModel
            {
                Id = a.Id,
                Version = a.Version,
                Title = a.Title,
                Kind = a.Kind,
                Status = a.Status,
                Areas = a.Areas,
                SignedOn = a.SignedOn,
                MissionId = a.MissionId,
                Mission = a.Mission!.Title,
                ProgrammeItem = a.ProgrammeItem!.Title,
                ProgrammeItemDate = a.ProgrammeItem.Date,
                Parties = a.Parties.OrderBy(p => p.Order).Select(p => p.Organization!.Name).ToList(),
                Signatories = a.Signatories.OrderBy(s => s.Id)
                    .Select(s => new SignatoryViewModel(PersonName.Full(s.Surname, s.GivenName, s.Patronymic), s.Position, s.Organization!.ShortName ?? s.Organization.Name))
                    .ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        return agreement is null ? null : new AgreementDetailsViewModel
        {
            Id = agreement.Id,
            Version = agreement.Version,
            Title = agreement.Title,
            Kind = agreement.Kind,
            Status = agreement.Status,
            Areas = agreement.Areas,
            SignedOn = agreement.SignedOn,
            MissionId = agreement.MissionId,
            Mission = agreement.Mission,
            ProgrammeItem = agreement.ProgrammeItem,
            ProgrammeItemDate = agreement.ProgrammeItemDate,
            Parties = agreement.Parties,
            Signatories = agreement.Signatories,
            CanManage = canManage,
            Zone = await MissionZone.OfMissionAsync(db, agreement.MissionId, ct),
            Document = await db.StoredFiles.AsNoTracking()
                .Where(f => f.AgreementId == id && f.Kind == StoredFileKind.AgreementDocument)
                .OrderByDescending(f => f.CreatedAtUtc)
                .Select(f => new AgreementDocumentViewModel(f.Id, f.OriginalName, f.Size, f.CreatedAtUtc))
                .FirstOrDefaultAsync(ct),
        };
    }

    /// <summary>The agreement as the edit form shows it, without tracking; null for no such agreement.</summary>
    public Task<Agreement?> ForFormAsync(int id, CancellationToken ct) =>
        db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Signatories).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The agreement with its parties and signatories, tracked for a change.</summary>
    public Task<Agreement?> ForChangeAsync(int id, CancellationToken ct) =>
        db.Agreements.Include(a => a.Parties).Include(a => a.Signatories).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    public Task<Agreement> CurrentAsync(int id, CancellationToken ct) => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, ct);

    public async Task<AgreementFormViewModel> FormAsync(int? id, AgreementStatus? status, SaveAgreement.Input input, CancellationToken ct)
    {
        while (input.Signatories.Count < 2 || input.Signatories.All(s => !s.IsBlank))
        {
            input.Signatories.Add(new SaveAgreement.SignatoryInput());
        }

        return new AgreementFormViewModel
        {
            Id = id,
            Status = status,
            Input = input,
            Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
            Missions = await MissionsAsync(ct),
            // A deleted item the agreement was signed at stays selectable, marked, so saving the form keeps the link.
            Items = (await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking()
                .Where(i => (i.DeletedAtUtc == null && (i.Kind == ProgrammeItemKind.Signing || i.Kind == ProgrammeItemKind.Ceremony || i.Kind == ProgrammeItemKind.Meeting)) || i.Id == input.ProgrammeItemId)
                .OrderBy(i => i.MissionId).ThenBy(i => i.Date).ThenBy(i => i.Start)
                .Select(i => new { i.Id, i.MissionId, Mission = i.Mission!.Title, i.Title, Deleted = i.DeletedAtUtc != null })
                .ToListAsync(ct))
                .Select(i => new ItemOptionViewModel(i.Id, i.MissionId, i.Mission, i.Deleted ? l["{0} (пункт удалён)", i.Title].Value : i.Title))
                .ToList(),
        };
    }

    private async Task<List<OptionViewModel>> MissionsAsync(CancellationToken ct) =>
        await db.Missions.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new OptionViewModel(m.Id, m.Title)).ToListAsync(ct);
}
