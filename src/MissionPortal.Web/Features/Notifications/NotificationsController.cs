using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Notifications;

[Authorize(Policy = Policies.UsePortal)]
[Route("notifications")]
public class NotificationsController(NotificationQueries queries, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ListAsync(UserId, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Open(int id, [FromServices] OpenNotification.Handler open, CancellationToken ct) =>
        await open.HandleAsync(new OpenNotification.Input { Id = id, UserId = UserId }, ct) is { } path && Url.IsLocalUrl(path)
            ? LocalRedirect(path)
            : NotFound();

    [HttpGet("/account/notifications")]
    public async Task<IActionResult> Settings(CancellationToken ct) =>
        await queries.SettingsAsync(UserId, ct) is { } model ? View(model) : NotFound();

    [HttpPost("/account/notifications")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Settings(SaveNotificationSettings.Input input, [FromServices] SaveNotificationSettings.Handler save, CancellationToken ct)
    {
        if (await save.HandleAsync(UserId, input, ct) is { } refusal)
        {
            this.FlashRefused(refusal);
        }
        else
        {
            this.FlashDone(l["Настройки уведомлений сохранены."]);
        }

        return RedirectToAction(nameof(Settings));
    }
}
