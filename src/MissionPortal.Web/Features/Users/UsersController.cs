using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Users;

/// <summary>Accounts for agency administrators: list, create, lock, roles and organisation.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public class UsersController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    IValidator<NewUserInput> newUserValidator,
    IValidator<UserInput> userValidator,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock,
    ILogger<UsersController> logger) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new UserListItemViewModel
            {
                Id = u.Id,
                Email = u.Email ?? u.UserName ?? u.Id,
                DisplayName = u.DisplayName,
                Organization = u.Organization!.ShortName ?? u.Organization.Name,
                IsLocked = u.LockoutEnd != null && u.LockoutEnd > now,
                ConcurrencyStamp = u.ConcurrencyStamp,
            })
            .ToListAsync(ct);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? string.Empty);
        foreach (var user in list)
        {
            user.Roles = byUser[user.Id].Order(StringComparer.Ordinal).ToList();
        }

        return View(list);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(await FormAsync(null, null, new NewUserInput { Roles = [Roles.Agency] }, ct));

    [HttpPost]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(NewUserInput input, CancellationToken ct)
    {
        var validation = await newUserValidator.ValidateAsync(input, ct);
        validation.AddTo(ModelState);
        await CheckOrganizationAsync(input, ct);
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(null, null, input, ct));
        }

        var user = new PortalUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            OrganizationId = input.OrganizationId,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, input.Roles.Distinct());
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(await FormAsync(null, null, input, ct));
        }

        this.FlashDone(l["Пользователь {0} создан.", user.Email].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var input = new UserEditInput
        {
            DisplayName = user.DisplayName,
            OrganizationId = user.OrganizationId,
            Roles = [.. await users.GetRolesAsync(user)],
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return View(await FormAsync(user.Id, user.Email, input, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserEditInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var validation = await userValidator.ValidateAsync(input, ct);
        validation.AddTo(ModelState);
        await CheckOrganizationAsync(input, ct);
        if (user.Id == users.GetUserId(User) && !input.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(nameof(input.Roles), l["Нельзя снять роль администратора с самого себя."]);
        }

        var current = await users.GetRolesAsync(user);
        if (ModelState.IsValid && !current.ToHashSet(StringComparer.Ordinal).SetEquals(input.Roles))
        {
            await CheckAdministratorPasswordAsync(input, user);
        }

        input.CurrentPassword = null;
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(user.Id, user.Email, input, ct));
        }

        // The form's stamp against the one just read (Identity's store attaches the user afresh, so the form's value
        // cannot be the one its UPDATE checks); the store itself catches a save between this read and its write.
        var stale = !string.IsNullOrEmpty(input.ConcurrencyStamp) && input.ConcurrencyStamp != user.ConcurrencyStamp;
        IdentityResult result;
        if (stale)
        {
            result = IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
        }
        else
        {
            user.DisplayName = input.DisplayName.Trim();
            user.OrganizationId = input.OrganizationId;
            result = await users.UpdateAsync(user);
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            db.ChangeTracker.Clear();
            var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, ct);
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, пользователя сохранил другой администратор: сейчас имя «{0}», роли: {1}. Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", stored.DisplayName,
                string.Join(", ", (await users.GetRolesAsync(stored)).Select(r => l[RoleNames.Of(r)].Value))]);
            input.ConcurrencyStamp = stored.ConcurrencyStamp;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(await FormAsync(stored.Id, stored.Email, input, ct));
        }

        if (result.Succeeded)
        {
            result = await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        }

        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, input.Roles.Distinct().Except(current));
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(await FormAsync(user.Id, user.Email, input, ct));
        }

        // New roles take effect at once: the user's old cookies are refused at their next validation.
        await users.UpdateSecurityStampAsync(user);
        this.FlashDone(l["Изменения сохранены."].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Lock(string id, string? stamp)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            this.FlashDone(l["Нельзя заблокировать самого себя."].Value);
            return RedirectToAction(nameof(Index));
        }

        // The page showed the user as it was: a stamp renewed since (an edit, a lock by another administrator) means
        // the button no longer says what it will do.
        if (IsStale(user, stamp) || IsLocked(user))
        {
            return await StaleUserAsync(id);
        }

        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        if (!result.Succeeded)
        {
            return await StaleUserAsync(id);
        }

        await users.UpdateSecurityStampAsync(user);
        this.FlashDone(l["Пользователь {0} заблокирован.", user.Email ?? id].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Unlock(string id, string? stamp)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsStale(user, stamp) || !IsLocked(user))
        {
            return await StaleUserAsync(id);
        }

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (!result.Succeeded)
        {
            return await StaleUserAsync(id);
        }

        await users.ResetAccessFailedCountAsync(user);
        this.FlashDone(l["Пользователь {0} разблокирован.", user.Email ?? id].Value);
        return RedirectToAction(nameof(Index));
    }

    private static bool IsStale(PortalUser user, string? stamp) => !string.IsNullOrEmpty(stamp) && stamp != user.ConcurrencyStamp;

    private bool IsLocked(PortalUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task<IActionResult> StaleUserAsync(string id)
    {
        db.ChangeTracker.Clear();
        var current = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        return this.StaleDecision(
            IsLocked(current)
                ? l["Пользователь {0} ({1}) сейчас заблокирован.", current.Email ?? id, current.DisplayName]
                : l["Пользователь {0} ({1}) сейчас активен.", current.Email ?? id, current.DisplayName],
            Url.Action(nameof(Index))!);
    }

    /// <summary>Roles grant access: the administrator retypes the password, so an unattended session can't hand them out.</summary>
    private async Task CheckAdministratorPasswordAsync(UserEditInput input, PortalUser target)
    {
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            ModelState.AddModelError(nameof(input.CurrentPassword), l["Чтобы изменить роли, введите ваш текущий пароль."]);
            return;
        }

        var administrator = await users.GetUserAsync(User);
        var check = administrator is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.CheckPasswordSignInAsync(administrator, input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            logger.LogWarning(
                "Role change of user {TargetUserId} refused: wrong current password of administrator {UserId} (locked out: {LockedOut})",
                target.Id,
                administrator?.Id,
                check.IsLockedOut);
            ModelState.AddModelError(nameof(input.CurrentPassword), check.IsLockedOut
                ? l["Слишком много неудачных попыток. Вход заблокирован на 15 минут."]
                : l["Текущий пароль указан неверно."]);
        }
    }

    private async Task CheckOrganizationAsync(UserInput input, CancellationToken ct)
    {
        if (input.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            ModelState.AddModelError(nameof(input.OrganizationId), l["Такой организации нет."]);
        }
    }

    private async Task<UserFormViewModel<TInput>> FormAsync<TInput>(string? id, string? email, TInput input, CancellationToken ct)
        where TInput : UserInput =>
        new()
        {
            Id = id,
            Email = email,
            Input = input,
            Organizations = (await db.Organizations.AsNoTracking()
                    .OrderBy(o => o.Name)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync(ct))
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                .ToList(),
        };
}
