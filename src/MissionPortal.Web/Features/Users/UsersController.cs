using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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
    UserQueries queries,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    IValidator<NewUserInput> newUserValidator,
    IValidator<UserInput> userValidator,
    IStringLocalizer<SharedResource> l,
    ILogger<UsersController> logger) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ListAsync(ct));

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(await queries.FormAsync(null, null, new NewUserInput { Roles = [Roles.Agency] }, ct));

    [HttpPost]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(NewUserInput input, CancellationToken ct)
    {
        var validation = await newUserValidator.ValidateAsync(input, ct);
        validation.AddTo(ModelState);
        await CheckOrganizationAsync(input, ct);
        if (!ModelState.IsValid)
        {
            return View(await queries.FormAsync(null, null, input, ct));
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

            return View(await queries.FormAsync(null, null, input, ct));
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
        return View(await queries.FormAsync(user.Id, user.Email, input, ct));
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
            return View(await queries.FormAsync(user.Id, user.Email, input, ct));
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
            return View(await queries.FormAsync(stored.Id, stored.Email, input, ct));
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

            return View(await queries.FormAsync(user.Id, user.Email, input, ct));
        }

        // New roles take effect at once: the user's old cookies are refused at their next validation.
        await users.UpdateSecurityStampAsync(user);
        this.FlashDone(l["Изменения сохранены."].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Lock(string id, string? stamp, [FromServices] LockUser.Handler handler) =>
        Answer(await handler.LockAsync(id, stamp, users.GetUserId(User)), email => l["Пользователь {0} заблокирован.", email]);

    [HttpPost]
    public async Task<IActionResult> Unlock(string id, string? stamp, [FromServices] LockUser.Handler handler) =>
        Answer(await handler.UnlockAsync(id, stamp), email => l["Пользователь {0} разблокирован.", email]);

    private IActionResult Answer(LockUser.Result result, Func<string, LocalizedString> done)
    {
        switch (result.Outcome)
        {
            case LockUser.Outcome.NotFound:
                return NotFound();
            case LockUser.Outcome.Self:
                this.FlashDone(l["Нельзя заблокировать самого себя."].Value);
                return RedirectToAction(nameof(Index));
            case LockUser.Outcome.Stale:
                return this.StaleDecision(
                    result.Locked
                        ? l["Пользователь {0} ({1}) сейчас заблокирован.", result.Email, result.DisplayName]
                        : l["Пользователь {0} ({1}) сейчас активен.", result.Email, result.DisplayName],
                    Url.Action(nameof(Index))!);
            default:
                this.FlashDone(done(result.Email).Value);
                return RedirectToAction(nameof(Index));
        }
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
                : l["Текущий пароль не подходит: введите его ещё раз."]);
        }
    }

    private async Task CheckOrganizationAsync(UserInput input, CancellationToken ct)
    {
        if (input.OrganizationId is { } organizationId && !await queries.OrganizationExistsAsync(organizationId, ct))
        {
            ModelState.AddModelError(nameof(input.OrganizationId), l["Выберите организацию из списка."]);
        }
    }
}
