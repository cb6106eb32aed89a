using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>
/// The programme editor: a mission's days as a timeline, items added, edited, duplicated, moved and
/// deleted with plain forms (dragging uses the same move endpoint), conflicts shown and acknowledged,
/// and the programme's approval by the ministry.
/// </summary>
[Route("programme")]
public class ProgrammeController(
    PortalDbContext db,
    ProgrammeQueries programme,
    ProgrammeChangeLog changes,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    [HttpGet("{missionId:int}")]
    [Authorize(Policy = Policies.ViewMissions)]
    public async Task<IActionResult> Index(int missionId, CancellationToken ct)
    {
        // One command for the mission, its review state and acknowledged conflicts; three for the programme.
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
                    .Select(a => new AcknowledgementViewModel(a.ConflictKey, a.Reason, a.AcknowledgedBy, a.AcknowledgedAtUtc))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (page is null)
        {
            return NotFound();
        }

        var mission = page.Mission;
        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        return View(new ProgrammePageViewModel
        {
            Mission = mission,
            Days = snapshot.Days(mission.StartDate, mission.EndDate),
            Conflicts = snapshot.Conflicts
                .Select(c => new ConflictViewModel(c.Key, c.Kind, ConflictText.Of(c, snapshot, l), c.ItemIds, page.Acknowledgements.FirstOrDefault(a => a.ConflictKey == c.Key)))
                .ToList(),
            LastReview = page.LastReview,
            Approved = page.Approved,
            ChangesSinceApproval = page.ChangesSinceApproval,
            CanEdit = User.IsInRole(Roles.Agency),
            CanApprove = User.IsInRole(Roles.Ministry),
        });
    }

    /// <summary>The programme day by day on A4, for every user who may see the mission.</summary>
    [HttpGet("{missionId:int}/print")]
    [Authorize(Policy = Policies.UsePortal)]
    public async Task<IActionResult> Print(int missionId, CancellationToken ct)
    {
        if (!await db.Missions.VisibleTo(User).AnyAsync(m => m.Id == missionId, ct))
        {
            return NotFound();
        }

        var mission = (await HeaderAsync(missionId, ct))!;
        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        return View(new ProgrammePageViewModel { Mission = mission, Days = snapshot.Days(mission.StartDate, mission.EndDate) });
    }

    [HttpGet("{missionId:int}/items/new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> New(int missionId, DateOnly? date, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var visiting = await VisitingDelegationAsync(missionId, ct);
        var input = new ProgrammeItemInput
        {
            Date = date is { } d && d >= mission.StartDate && d <= mission.EndDate ? d : mission.StartDate,
            Start = new TimeOnly(10, 0),
            End = new TimeOnly(11, 0),
            Kind = ProgrammeItemKind.Meeting,
            DelegationId = visiting,
        };
        return View("Item", await FormAsync(mission, null, input, manyDays: false, ct));
    }

    [HttpPost("{missionId:int}/items/new")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(int missionId, ProgrammeItemInput input, [FromServices] IValidator<ProgrammeItemInput> validator, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        if (!await ValidAsync(validator, input, missionId, manyDays: false, ct))
        {
            return View("Item", await FormAsync(mission, null, input, manyDays: false, ct));
        }

        var item = await AddItemAsync(missionId, input, input.Date!.Value, ct);
        this.FlashDone(l["Пункт «{0}» добавлен.", item.Title].Value);
        return RedirectToProgramme(missionId, item.Id);
    }

    [HttpGet("{missionId:int}/add-to-days")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> AddToDays(int missionId, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var visiting = await VisitingDelegationAsync(missionId, ct);
        var input = new ProgrammeItemInput
        {
            Start = new TimeOnly(13, 0),
            End = new TimeOnly(14, 0),
            Kind = ProgrammeItemKind.Break,
            Title = l["Обед"],
            DelegationId = visiting,
            Dates = [.. mission.Days],
        };
        return View("Item", await FormAsync(mission, null, input, manyDays: true, ct));
    }

    [HttpPost("{missionId:int}/add-to-days")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> AddToDays(int missionId, ProgrammeItemInput input, [FromServices] IValidator<ProgrammeItemInput> validator, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        if (!await ValidAsync(validator, input, missionId, manyDays: true, ct))
        {
            return View("Item", await FormAsync(mission, null, input, manyDays: true, ct));
        }

        foreach (var date in input.Dates.Distinct().Order())
        {
            await AddItemAsync(missionId, input, date, ct);
        }

        this.FlashDone(l["Пункт «{0}» добавлен в дни: {1}.", input.Title!, input.Dates.Distinct().Count()].Value);
        return RedirectToProgramme(missionId);
    }

    [HttpGet("items/{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var missionId = await db.ProgrammeItems.Where(i => i.Id == id).Select(i => (int?)i.MissionId).SingleOrDefaultAsync(ct);
        if (missionId is null)
        {
            return NotFound();
        }

        var mission = (await HeaderAsync(missionId.Value, ct))!;
        var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        var item = snapshot.Items.Single(i => i.Id == id);
        return View("Item", await FormAsync(mission, id, InputOf(item), manyDays: false, ct));
    }

    [HttpPost("items/{id:int}/edit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Edit(int id, ProgrammeItemInput input, [FromServices] IValidator<ProgrammeItemInput> validator, CancellationToken ct)
    {
        var item = await LoadItemAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var mission = (await HeaderAsync(item.MissionId, ct))!;
        if (!await ValidAsync(validator, input, item.MissionId, manyDays: false, ct))
        {
            return View("Item", await FormAsync(mission, id, input, manyDays: false, ct));
        }

        var before = ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct));
        db.ExpectFormVersion(item, input.Version);

        Apply(item, input, input.Date!.Value);
        await LinkAgreementAsync(item, input.AgreementId, ct);
        if (await changes.IsTrackedAsync(item.MissionId, ct))
        {
            var after = ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct));
            changes.Record(item.MissionId, item.Id, before == after ? ProgrammeChangeKind.Changed : ProgrammeChangeKind.Moved, item.Title, before, after, User.DisplayName());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved this item meanwhile: show what is stored now beside what this user typed.
            db.ChangeTracker.Clear();
            var snapshot = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
            var current = snapshot.Items.SingleOrDefault(i => i.Id == id);
            if (current is null)
            {
                this.FlashDone(l["Пока вы редактировали, этот пункт удалили."].Value);
                return RedirectToProgramme(mission.Id);
            }

            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            var form = await FormAsync(mission, id, input, manyDays: false, ct);
            return View("Conflict", new ItemFormViewModel
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
            });
        }

        this.FlashDone(l["Пункт «{0}» сохранён.", item.Title].Value);
        return RedirectToProgramme(item.MissionId, item.Id);
    }

    [HttpPost("items/{id:int}/duplicate")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission]
    public async Task<IActionResult> Duplicate(int id, CancellationToken ct)
    {
        var item = await LoadItemAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var copy = item.CopyTo(item.Date);
        db.ProgrammeItems.Add(copy);
        await RecordAddedAsync(item.MissionId, copy, ct);
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Пункт «{0}» продублирован.", item.Title].Value);
        return RedirectToProgramme(item.MissionId, copy.Id);
    }

    [HttpPost("items/{id:int}/delete")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Delete(int id, Guid? version, CancellationToken ct)
    {
        var item = await LoadItemAsync(id, ct);
        if (item is null)
        {
            return await db.ProgrammeItems.IgnoreQueryFilters().AnyAsync(i => i.Id == id, ct) ? await StaleItemAsync(id, ct) : NotFound();
        }

        if (item.IsStale(version))
        {
            return await StaleItemAsync(id, ct);
        }

        // An agreement signed at the item keeps pointing to it: the deleted item is hidden from the agreement's card,
        // and restoring the item brings the link back as it was.
        if (await changes.IsTrackedAsync(item.MissionId, ct))
        {
            changes.Record(item.MissionId, item.Id, ProgrammeChangeKind.Removed, item.Title,
                ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct)), null, User.DisplayName());
        }

        db.ExpectVersion(item, version);
        item.Delete(clock.GetUtcNow().UtcDateTime);
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleItemAsync(id, ct);
        }

        this.FlashDone(l["Пункт «{0}» удалён. Агентство может восстановить его на странице «Удалённые пункты».", item.Title].Value);
        return RedirectToProgramme(item.MissionId);
    }

    /// <summary>The mission's deleted items, newest first, each with a restore button.</summary>
    [HttpGet("{missionId:int}/deleted")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Deleted(int missionId, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var items = await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.MissionId == missionId && i.DeletedAtUtc != null)
            .OrderByDescending(i => i.DeletedAtUtc)
            .Select(i => new DeletedItemViewModel(i.Id, i.Date, i.Start, i.End, i.Title, i.Venue!.Name, i.DeletedAtUtc!.Value, i.Version))
            .ToListAsync(ct);
        return View(new DeletedItemsViewModel(mission, items));
    }

    [HttpPost("items/{id:int}/restore")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Restore(int id, Guid? version, CancellationToken ct)
    {
        var item = await db.ProgrammeItems.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (item.IsStale(version) || item.DeletedAtUtc is null)
        {
            return await StaleItemAsync(id, ct);
        }

        db.ExpectVersion(item, version);
        item.Restore();
        await RecordAddedAsync(item.MissionId, item, ct);
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleItemAsync(id, ct);
        }

        this.FlashDone(l["Пункт «{0}» восстановлен в программе.", item.Title].Value);
        return RedirectToProgramme(item.MissionId, item.Id);
    }

    /// <summary>Moves an item to another day or time, keeping its length. The same endpoint serves the form and the drag.</summary>
    [HttpPost("items/{id:int}/move")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Move(int id, MoveItemInput input, CancellationToken ct)
    {
        var item = await LoadItemAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var mission = (await HeaderAsync(item.MissionId, ct))!;
        var error = input switch
        {
            { Date: null } => l["Укажите дату."].Value,
            { Start: null } => l["Укажите время начала."].Value,
            { Date: { } date } when date < mission.StartDate || date > mission.EndDate =>
                l["Дата {0:dd.MM.yyyy} вне дат миссии ({1:dd.MM.yyyy} – {2:dd.MM.yyyy}).", date.ToDateTime(TimeOnly.MinValue), mission.StartDate.ToDateTime(TimeOnly.MinValue), mission.EndDate.ToDateTime(TimeOnly.MinValue)].Value,
            { Start: { } start } when start.Add(item.Duration) <= start => l["Пункт не может заканчиваться после полуночи."].Value,
            _ => null,
        };
        if (error is null && !ModelState.IsValid)
        {
            error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? l["Значение указано неверно."].Value;
        }

        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (error is not null)
        {
            if (wantsJson)
            {
                return BadRequest(new { error });
            }

            this.FlashRefused(error);
            return RedirectToProgramme(item.MissionId, item.Id);
        }

        var venue = await VenueNameAsync(item.VenueId, ct);
        var before = ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, venue);
        if (input.Version is { } version)
        {
            db.Entry(item).Property(i => i.Version).OriginalValue = version;
        }

        item.MoveTo(input.Date!.Value, input.Start!.Value);
        if (await changes.IsTrackedAsync(item.MissionId, ct))
        {
            changes.Record(item.MissionId, item.Id, ProgrammeChangeKind.Moved, item.Title, before,
                ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, venue), User.DisplayName());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed or moved the item since the page was shown (or at the same moment): nothing is saved.
            var conflict = l["Пункт «{0}» только что изменили: посмотрите, где он сейчас, и перенесите ещё раз.", item.Title].Value;
            if (wantsJson)
            {
                return Conflict(new { error = conflict });
            }

            this.FlashRefused(conflict);
            return RedirectToProgramme(item.MissionId, item.Id);
        }

        var message = l["Пункт «{0}» перенесён на {1:dd.MM} {2}.", item.Title, item.Date.ToDateTime(TimeOnly.MinValue), item.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)].Value;
        if (wantsJson)
        {
            return Ok(new { message });
        }

        this.FlashDone(message);
        return RedirectToProgramme(item.MissionId, item.Id);
    }

    [HttpPost("{missionId:int}/copy-day")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> CopyDay(int missionId, CopyDayInput input, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        if (input.From is not { } from || input.To is not { } to || from == to
            || to < mission.StartDate || to > mission.EndDate)
        {
            this.FlashRefused(l["Выберите другой день миссии, куда копировать."].Value);
            return RedirectToProgramme(missionId);
        }

        var items = await db.ProgrammeItems
            .Include(i => i.Attendees).Include(i => i.Visit!.Officials).Include(i => i.RoundTable!.Speakers)
            .Where(i => i.MissionId == missionId && i.Date == from)
            .AsSplitQuery()
            .ToListAsync(ct);
        foreach (var item in items)
        {
            var copy = item.CopyTo(to);
            db.ProgrammeItems.Add(copy);
            await RecordAddedAsync(missionId, copy, ct);
        }

        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Скопировано пунктов: {0}.", items.Count].Value);
        return RedirectToProgramme(missionId);
    }

    [HttpPost("{missionId:int}/acknowledge")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Acknowledge(int missionId, AcknowledgeInput input, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var snapshot = await programme.LoadAsync(missionId, mission.StartDate, mission.EndDate, ct);
        if (snapshot.Conflicts.All(c => c.Key != input.ConflictKey))
        {
            this.FlashRefused(l["Такого конфликта в программе уже нет."].Value);
            return RedirectToProgramme(missionId);
        }

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            this.FlashRefused(l["Чтобы принять конфликт, укажите причину (до 1000 символов)."].Value);
            return RedirectToProgramme(missionId);
        }

        var existing = await db.ConflictAcknowledgements.SingleOrDefaultAsync(a => a.MissionId == missionId && a.ConflictKey == input.ConflictKey, ct);
        if (existing is not null)
        {
            db.ConflictAcknowledgements.Remove(existing);
        }

        db.ConflictAcknowledgements.Add(new ConflictAcknowledgement(missionId, input.ConflictKey!, reason, User.DisplayName(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        this.FlashDone(l["Конфликт принят с причиной: {0}", reason].Value);
        return RedirectToProgramme(missionId);
    }

    [HttpPost("{missionId:int}/submit")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public Task<IActionResult> Submit(int missionId, ReviewInput input, CancellationToken ct) =>
        ReviewAsync(missionId, ReviewDecision.Submitted, input.Comment, ct);

    [HttpPost("{missionId:int}/approve")]
    [Authorize(Policy = Policies.ApproveProgrammes)]
    public Task<IActionResult> Approve(int missionId, ReviewInput input, CancellationToken ct) =>
        ReviewAsync(missionId, ReviewDecision.Approved, input.Comment, ct);

    [HttpPost("{missionId:int}/return")]
    [Authorize(Policy = Policies.ApproveProgrammes)]
    public Task<IActionResult> Return(int missionId, ReviewInput input, CancellationToken ct) =>
        ReviewAsync(missionId, ReviewDecision.Returned, input.Comment, ct);

    [HttpGet("{missionId:int}/changes")]
    [Authorize(Policy = Policies.ViewMissions)]
    public async Task<IActionResult> Changes(int missionId, CancellationToken ct)
    {
        var mission = await HeaderAsync(missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        var reviews = await db.ProgrammeReviews.AsNoTracking().Where(r => r.MissionId == missionId)
            .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
            .Select(r => new ReviewViewModel(r.Decision, r.Comment, r.By, r.AtUtc))
            .ToListAsync(ct);
        var lastApproval = reviews.FirstOrDefault(r => r.Decision == ReviewDecision.Approved);
        var since = lastApproval?.AtUtc ?? DateTime.MinValue;
        return View(new ChangesPageViewModel
        {
            Mission = mission,
            LastApproval = lastApproval,
            Reviews = reviews,
            Changes = await db.ProgrammeChanges.AsNoTracking()
                .Where(c => c.MissionId == missionId && c.AtUtc > since)
                .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new ChangeViewModel(c.Kind, c.Title, c.Before, c.After, c.By, c.AtUtc))
                .ToListAsync(ct),
        });
    }

    private async Task<IActionResult> ReviewAsync(int missionId, ReviewDecision decision, string? comment, CancellationToken ct)
    {
        var mission = await db.Missions.SingleOrDefaultAsync(m => m.Id == missionId, ct);
        if (mission is null)
        {
            return NotFound();
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var lastApproval = await db.ProgrammeReviews.Where(r => r.MissionId == missionId && r.Decision == ReviewDecision.Approved)
            .OrderByDescending(r => r.AtUtc).Select(r => (DateTime?)r.AtUtc).FirstOrDefaultAsync(ct);
        var changedSinceApproval = lastApproval is { } at && await db.ProgrammeChanges.AnyAsync(c => c.MissionId == missionId && c.AtUtc > at, ct);

        LocalizedString? refusal = decision switch
        {
            ReviewDecision.Returned when comment is null => l["Укажите, что нужно исправить."],
            ReviewDecision.Returned when comment.Length > 2000 => l["Комментарий не длиннее {0} символов.", 2000],
            ReviewDecision.Submitted when !mission.CanMoveTo(MissionStatus.Submitted) => l["Программу в этом состоянии нельзя отправить на согласование."],
            ReviewDecision.Approved when mission.Status == MissionStatus.Submitted || (mission.Status == MissionStatus.Approved && changedSinceApproval) => null,
            ReviewDecision.Approved => l["Согласовать можно программу, отправленную на согласование или изменённую после согласования."],
            ReviewDecision.Returned when mission.Status is not MissionStatus.Submitted and not MissionStatus.Approved => l["Вернуть можно только программу на согласовании."],
            _ => null,
        };
        if (refusal is not null)
        {
            this.FlashRefused(refusal.Value);
            return RedirectToProgramme(missionId);
        }

        switch (decision)
        {
            case ReviewDecision.Submitted:
                mission.ChangeStatus(MissionStatus.Submitted);
                break;
            case ReviewDecision.Approved when mission.Status == MissionStatus.Submitted:
                mission.ChangeStatus(MissionStatus.Approved);
                break;
            case ReviewDecision.Returned when mission.Status == MissionStatus.Submitted:
                mission.ChangeStatus(MissionStatus.Draft);
                break;
            default:
                break;
        }

        db.ProgrammeReviews.Add(new ProgrammeReview(missionId, decision, comment, User.DisplayName(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        this.FlashDone((decision switch
        {
            ReviewDecision.Submitted => l["Программа отправлена на согласование в министерство."],
            ReviewDecision.Approved => l["Программа согласована."],
            _ => l["Программа возвращена агентству с комментарием."],
        }).Value);
        return RedirectToProgramme(missionId);
    }

    private async Task<bool> ValidAsync(IValidator<ProgrammeItemInput> validator, ProgrammeItemInput input, int missionId, bool manyDays, CancellationToken ct)
    {
        var context = new ValidationContext<ProgrammeItemInput>(input);
        context.RootContextData[ProgrammeItemInputValidator.MissionIdKey] = missionId;
        if (manyDays)
        {
            context.RootContextData[ProgrammeItemInputValidator.ManyDaysKey] = true;
        }

        (await validator.ValidateAsync(context, ct)).AddTo(ModelState);
        return ModelState.IsValid;
    }

    private async Task<ProgrammeItem> AddItemAsync(int missionId, ProgrammeItemInput input, DateOnly date, CancellationToken ct)
    {
        var mission = await db.Missions.SingleAsync(m => m.Id == missionId, ct);
        var item = mission.AddItem(date, input.Start!.Value, input.End!.Value, input.Kind!.Value, input.Title!.Trim(), null);
        Apply(item, input, date);
        await RecordAddedAsync(missionId, item, ct);
        await db.SaveChangesAsync(ct);
        await LinkAgreementAsync(item, input.AgreementId, ct);
        await db.SaveChangesAsync(ct);
        return item;
    }

    private async Task RecordAddedAsync(int missionId, ProgrammeItem item, CancellationToken ct)
    {
        if (await changes.IsTrackedAsync(missionId, ct))
        {
            changes.Record(missionId, null, ProgrammeChangeKind.Added, item.Title, null,
                ProgrammeChangeLog.Slot(item.Date, item.Start, item.End, await VenueNameAsync(item.VenueId, ct)), User.DisplayName());
        }
    }

    private static void Apply(ProgrammeItem item, ProgrammeItemInput input, DateOnly date)
    {
        item.Reschedule(date, input.Start!.Value, input.End!.Value);
        item.Update(input.Kind!.Value, input.Title!.Trim(), FormText.Blank(input.Description), input.VenueId, input.ResponsibleId);
        item.SetAttendees(input.AttendeeScope, input.DelegationId, input.GroupId, input.ParticipantIds);
        item.SetVisit(input.Kind == ProgrammeItemKind.SiteVisit ? input.HostOrganizationId : null, input.OfficialIds);
        item.SetRoundTable(input.Kind == ProgrammeItemKind.RoundTable ? input.RoundTableTopic?.Trim() : null, input.ModeratorId, input.SpeakerIds, FormText.Blank(input.Resolution));
    }

    private async Task LinkAgreementAsync(ProgrammeItem item, int? agreementId, CancellationToken ct)
    {
        var linked = await db.Agreements.Where(a => a.ProgrammeItemId == item.Id && item.Id != 0).ToListAsync(ct);
        foreach (var agreement in linked.Where(a => a.Id != agreementId || item.Kind != ProgrammeItemKind.Signing))
        {
            agreement.SignAt(item.MissionId, null);
        }

        if (item.Kind == ProgrammeItemKind.Signing && agreementId is { } id && item.Id != 0)
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == id, ct);
            agreement.SignAt(item.MissionId, item.Id);
        }
    }


    /// <summary>New items are attended by the visiting delegation unless the planner says otherwise.</summary>
    private Task<int?> VisitingDelegationAsync(int missionId, CancellationToken ct) =>
        db.Delegations.Where(d => d.MissionId == missionId && d.Side == DelegationSide.Visiting)
            .OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);

    private async Task<string?> VenueNameAsync(int? venueId, CancellationToken ct) =>
        venueId is null ? null : await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleOrDefaultAsync(ct);

    /// <summary>The delete or restore button was on a page older than the item: say where the item is now.</summary>
    private async Task<IActionResult> StaleItemAsync(int id, CancellationToken ct)
    {
        var current = await db.ProgrammeItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id, ct);
        return this.StaleDecision(
            current.DeletedAtUtc is null
                ? l["Пункт «{0}» сейчас в программе: {1}, {2}–{3}.", current.Title, Formats.ShortDate(current.Date), Formats.Time(current.Start), Formats.Time(current.End)]
                : l["Пункт «{0}» сейчас среди удалённых.", current.Title],
            Url.Action(current.DeletedAtUtc is null ? nameof(Index) : nameof(Deleted), new { missionId = current.MissionId })!);
    }

    private Task<ProgrammeItem?> LoadItemAsync(int id, CancellationToken ct) =>
        db.ProgrammeItems
            .Include(i => i.Attendees).Include(i => i.Visit!.Officials).Include(i => i.RoundTable!.Speakers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);

    private Task<MissionHeaderViewModel?> HeaderAsync(int missionId, CancellationToken ct) =>
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

    private RedirectResult RedirectToProgramme(int missionId, int? itemId = null) =>
        Redirect(Url.Action(nameof(Index), new { missionId }) + (itemId is null ? string.Empty : $"#item-{itemId}"));

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

    private async Task<ItemFormViewModel> FormAsync(MissionHeaderViewModel mission, int? itemId, ProgrammeItemInput input, bool manyDays, CancellationToken ct)
    {
        var snapshotPeople = await programme.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, ct);
        return new ItemFormViewModel
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
    }

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
}
