using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

public sealed record PersonRowViewModel(int Id, string FullName, string Position, string? Organization, string? Email, string? Phone, ParticipantStatus Status, string Delegation, IReadOnlyList<string> Items, Guid Version)
{
    public DelegationRole Role { get; init; } = DelegationRole.Member;

    public DelegationSide Side { get; init; } = DelegationSide.Visiting;
}

public sealed record DelegationNameViewModel(int Id, string Name, DelegationSide Side, Guid Version);

public sealed record OpenMissionViewModel(int Id, string Title, DateOnly StartDate, DateOnly EndDate, string Host, int OwnPeople);

public sealed class ApplicationPageViewModel
{
    public int MissionId { get; init; }

    public required string MissionTitle { get; init; }

    public required PersonInput Input { get; init; }

    public IReadOnlyList<PersonRowViewModel> People { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Items { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Delegations { get; init; } = [];

    /// <summary>The mission's delegations with the version the rename form sends back.</summary>
    public IReadOnlyList<DelegationNameViewModel> DelegationNames { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];
}

/// <summary>
/// People of a mission: a company applies with its people and sees their status; the agency approves or
/// declines each one, adds officials directly, and imports a delegation list (all or nothing).
/// </summary>
public class ParticipantsController(
    PortalDbContext db,
    IValidator<PersonInput> validator,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    [HttpGet("applications")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Open(CancellationToken ct)
    {
        var today = HostCalendar.Today(clock);
        var own = User.OrganizationId() ?? -1;
        return View(await db.Missions.AsNoTracking()
            .Where(m => m.EndDate >= today && m.Status != MissionStatus.Cancelled && m.Status != MissionStatus.Completed)
            .OrderBy(m => m.StartDate)
            .Select(m => new OpenMissionViewModel(m.Id, m.Title, m.StartDate, m.EndDate, m.HostRegion!.Name,
                m.Delegations.SelectMany(d => d.Participants).Count(p => p.OrganizationId == own)))
            .ToListAsync(ct));
    }

    [HttpGet("applications/{missionId:int}")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Apply(int missionId, CancellationToken ct)
    {
        var page = await ApplicationPageAsync(missionId, new PersonInput(), company: true, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("applications/{missionId:int}")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    [OneSubmission(nameof(Apply))]
    public async Task<IActionResult> Apply(int missionId, PersonInput input, CancellationToken ct)
    {
        var mission = await OpenMissionAsync(missionId, ct);
        var companyId = User.OrganizationId();
        if (mission is null || companyId is null)
        {
            return NotFound();
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == companyId && o.Status == OrganizationStatus.Approved, ct))
        {
            ModelState.AddModelError(string.Empty, l["Подать заявку можно после того, как агентство подтвердит компанию."]);
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        var itemIds = input.ItemIds.Distinct().ToList();
        if (await db.ProgrammeItems.CountAsync(i => i.MissionId == missionId && itemIds.Contains(i.Id), ct) != itemIds.Count)
        {
            ModelState.AddModelError(nameof(input.ItemIds), l["Таких пунктов в программе миссии нет."]);
        }

        if (!ModelState.IsValid)
        {
            return View((await ApplicationPageAsync(missionId, input, company: true, ct))!);
        }

        var delegation = mission.Delegations.FirstOrDefault(d => d.Side == DelegationSide.Visiting) ?? mission.AddDelegation(l["Делегация"], DelegationSide.Visiting);
        var person = delegation.AddParticipant(input.Surname!.Trim(), input.GivenName!.Trim(), FormText.Blank(input.Patronymic), input.Position!.Trim(), companyId, DelegationRole.Member, approved: false)
            .WithContacts(FormText.Blank(input.Email), Phone(input.Phone));
        await db.SaveChangesAsync(ct);
        db.ItemRegistrations.AddRange(itemIds.Select(id => new ItemRegistration(person.Id, id)));
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["{0} добавлен(а) в заявку и ждёт подтверждения агентства.", person.FullName].Value);
        return RedirectToAction(nameof(Apply), new { missionId });
    }

    /// <summary>Asks before a company takes a person back; the record stays and the agency can restore it.</summary>
    [HttpGet("applications/participants/{id:int}/withdraw")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct)
    {
        var person = await OwnPersonAsync(id, ct);
        return person is null ? NotFound() : View(new PersonRowViewModel(person.Id, person.FullName, person.Position, null, null, null, person.Status, string.Empty, [], person.Version));
    }

    [HttpPost("applications/participants/{id:int}/withdraw")]
    [Authorize(Policy = Policies.ManageOwnCompany)]
    public async Task<IActionResult> ConfirmWithdraw(int id, Guid? version, CancellationToken ct)
    {
        var person = await OwnPersonAsync(id, ct);
        if (person is null)
        {
            return NotFound();
        }

        db.ExpectVersion(person, version);
        person.Withdraw();
        if (!await db.TrySaveAsync(ct))
        {
            var current = await db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.Delegation!.MissionId }).SingleAsync(ct);
            return this.StaleDecision(l["{0}: сейчас — «{1}».", person.FullName, l[EnumText.Of(current.Status)]], Url.Action(nameof(Apply), new { missionId = current.MissionId })!);
        }

        this.FlashDone(l["{0}: заявка отозвана. Агентство может её восстановить.", person.FullName].Value);
        return RedirectToAction(nameof(Apply), new { missionId = person.Delegation!.MissionId });
    }

    [HttpGet("missions/{missionId:int}/participants")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Index(int missionId, CancellationToken ct)
    {
        var page = await ApplicationPageAsync(missionId, new PersonInput(), company: false, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The agency adds an official or anyone else directly: approved at once.</summary>
    [HttpPost("missions/{missionId:int}/participants")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Add(int missionId, PersonInput input, CancellationToken ct)
    {
        var mission = await db.Missions.Include(m => m.Delegations).SingleOrDefaultAsync(m => m.Id == missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        var delegation = mission.Delegations.FirstOrDefault(d => d.Id == input.DelegationId);
        if (delegation is null)
        {
            ModelState.AddModelError(nameof(input.DelegationId), l["Выберите делегацию."]);
        }

        if (input.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            ModelState.AddModelError(nameof(input.OrganizationId), l["Такой организации нет."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", (await ApplicationPageAsync(missionId, input, company: false, ct))!);
        }

        var person = delegation!.AddParticipant(input.Surname!.Trim(), input.GivenName!.Trim(), FormText.Blank(input.Patronymic), input.Position!.Trim(), input.OrganizationId,
                delegation.Side == DelegationSide.Host ? DelegationRole.Official : DelegationRole.Member, approved: true)
            .WithContacts(FormText.Blank(input.Email), Phone(input.Phone));
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["{0} добавлен(а) в делегацию «{1}».", person.FullName, delegation.Name].Value);
        return RedirectToAction(nameof(Index), new { missionId });
    }

    [HttpPost("participants/{id:int}/approve")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Approve(int id, Guid? version, CancellationToken ct) => DecideAsync(id, approve: true, version, ct);

    [HttpPost("participants/{id:int}/decline")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Decline(int id, Guid? version, CancellationToken ct) => DecideAsync(id, approve: false, version, ct);

    /// <summary>Marks a person head, deputy or member of the delegation; a new head replaces the former one.</summary>
    [HttpPost("participants/{id:int}/role")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Role(int id, AssignRole.Input input, [FromServices] AssignRole.Handler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, input, ct) is var r ? (r.Outcome, r.MissionId, r.Message) : default);

    /// <summary>Renames a delegation of the mission.</summary>
    [HttpPost("delegations/{id:int}/name")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Rename(int id, RenameDelegation.Input input, [FromServices] RenameDelegation.Handler handler, CancellationToken ct) =>
        Answer(await handler.HandleAsync(id, input, ct) is var r ? (r.Outcome, r.MissionId, r.Message) : default);

    [HttpGet("missions/{missionId:int}/import")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Import(int missionId, CancellationToken ct)
    {
        var title = await db.Missions.Where(m => m.Id == missionId).Select(m => m.Title).SingleOrDefaultAsync(ct);
        return title is null ? NotFound() : View(new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title });
    }

    /// <summary>Reads the file and shows every row with its errors and every organisation to decide; nothing is saved here.</summary>
    [HttpPost("missions/{missionId:int}/import")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [RequestSizeLimit(10 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 10 * 1024 * 1024)]
    public async Task<IActionResult> Preview(int missionId, IFormFile? file, [FromServices] ImportDelegation.Handler import, CancellationToken ct)
    {
        var title = await db.Missions.Where(m => m.Id == missionId).Select(m => m.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            return View("Import", new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title, Error = l["Выберите файл .xlsx или .csv."] });
        }

        await using var stream = file.OpenReadStream();
        var (rows, error) = DelegationImport.Read(stream, file.FileName, l);
        return rows is null
            ? View("Import", new ImportPreviewViewModel { MissionId = missionId, MissionTitle = title, Error = error })
            : View("Import", await import.PreviewAsync(missionId, rows, [], null, ct));
    }

    /// <summary>Checks the previewed rows again (corrected, left out) with the decisions on organisations; saves all or nothing.</summary>
    [HttpPost("missions/{missionId:int}/import/confirm")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Confirm(int missionId, ImportDelegation.Input input, [FromServices] ImportDelegation.Handler import, CancellationToken ct)
    {
        var (saved, preview) = await import.SaveAsync(missionId, input, ct);
        if (preview is not null)
        {
            return View("Import", preview);
        }

        if (saved == 0)
        {
            return NotFound();
        }

        this.FlashDone(l["Импортировано человек: {0}.", saved].Value);
        return RedirectToAction(nameof(Index), new { missionId });
    }

    /// <summary>Back to the mission's people with what happened; a refusal or a conflict changes nothing.</summary>
    private IActionResult Answer((DelegationOutcome Outcome, int MissionId, string? Message) result)
    {
        if (result.Outcome == DelegationOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Message is { } message)
        {
            this.FlashOutcome(result.Outcome == DelegationOutcome.Done, message);
        }

        return RedirectToAction(nameof(Index), new { missionId = result.MissionId });
    }

    private async Task<IActionResult> DecideAsync(int id, bool approve, Guid? version, CancellationToken ct)
    {
        var person = await db.Participants.Include(p => p.Delegation).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        db.ExpectVersion(person, version);
        if (approve)
        {
            person.Approve();
        }
        else
        {
            person.Decline();
        }

        if (!await db.TrySaveAsync(ct))
        {
            var current = await db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.Delegation!.MissionId }).SingleAsync(ct);
            return this.StaleDecision(l["{0}: сейчас — «{1}».", person.FullName, l[EnumText.Of(current.Status)]], Url.Action(nameof(Index), new { missionId = current.MissionId })!);
        }

        this.FlashDone((approve ? l["{0}: участие подтверждено.", person.FullName] : l["{0}: участие отклонено.", person.FullName]).Value);
        return RedirectToAction(nameof(Index), new { missionId = person.Delegation!.MissionId });
    }

    /// <summary>A person of the user's own company; null (answered with 404) for anyone else's.</summary>
    private Task<Participant?> OwnPersonAsync(int id, CancellationToken ct)
    {
        var own = User.OrganizationId() ?? -1;
        return db.Participants.Include(p => p.Delegation).SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == own, ct);
    }

    private Task<Mission?> OpenMissionAsync(int missionId, CancellationToken ct)
    {
        var today = HostCalendar.Today(clock);
        return db.Missions.Include(m => m.Delegations)
            .SingleOrDefaultAsync(m => m.Id == missionId && m.EndDate >= today && m.Status != MissionStatus.Cancelled && m.Status != MissionStatus.Completed, ct);
    }

    private async Task<ApplicationPageViewModel?> ApplicationPageAsync(int missionId, PersonInput input, bool company, CancellationToken ct)
    {
        var mission = company
            ? await OpenMissionAsync(missionId, ct)
            : await db.Missions.Include(m => m.Delegations).SingleOrDefaultAsync(m => m.Id == missionId, ct);
        if (mission is null)
        {
            return null;
        }

        var own = User.OrganizationId();
        var people = db.Participants.AsNoTracking().Where(p => p.Delegation!.MissionId == missionId);
        if (company)
        {
            people = people.Where(p => p.OrganizationId == own);
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
                p.Role,
                p.Delegation.Side,
                Items = db.ItemRegistrations.Where(r => r.ParticipantId == p.Id)
                    .Join(db.ProgrammeItems, r => r.ProgrammeItemId, i => i.Id, (_, i) => i.Title).ToList(),
            })
            .ToListAsync(ct);

        return new ApplicationPageViewModel
        {
            MissionId = missionId,
            MissionTitle = mission.Title,
            Input = input,
            People = rows.Select(p => new PersonRowViewModel(p.Id, PersonName.Full(p.Surname, p.GivenName, p.Patronymic), p.Position, p.Organization, p.Email, p.Phone, p.Status, p.Delegation, p.Items, p.Version) { Role = p.Role, Side = p.Side }).ToList(),
            Items = await db.ProgrammeItems.AsNoTracking().Where(i => i.MissionId == missionId).OrderBy(i => i.Date).ThenBy(i => i.Start)
                .Select(i => new { i.Id, i.Date, i.Start, i.Title }).ToListAsync(ct) is var items
                ? items.Select(i => new OptionViewModel(i.Id, $"{i.Date:dd.MM} {i.Start:HH\\:mm} — {i.Title}")).ToList()
                : [],
            Delegations = mission.Delegations.OrderBy(d => d.Side).Select(d => new OptionViewModel(d.Id, d.Name)).ToList(),
            DelegationNames = mission.Delegations.OrderBy(d => d.Side).ThenBy(d => d.Id).Select(d => new DelegationNameViewModel(d.Id, d.Name, d.Side, d.Version)).ToList(),
            Organizations = company ? [] : await db.Organizations.AsNoTracking().Where(o => o.Status != OrganizationStatus.Merged).OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
        };
    }


    private static string? Phone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : LegalIdentifiers.NormalizePhone(phone);
}
