using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// A signed-in user asks for their data to be deleted. The request is recorded and the agency carries it out: an
/// account may be the company's only contact for a mission under way, and erasure cannot be undone, so a person
/// decides it, not a button.
/// </summary>
public static class RequestErasure
{
    public sealed class Input
    {
        public bool Confirmed { get; set; }
    }

    public sealed record Result(bool Done, string Message);

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(string userId, Input input, CancellationToken ct)
        {
            if (!input.Confirmed)
            {
                return new Result(false, l["Подтвердите, что просите удалить ваши данные."]);
            }

            var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
            if (!user.RequestErasure(clock.GetUtcNow().UtcDateTime))
            {
                return new Result(false, l["Запрос на удаление данных уже отправлен."]);
            }

            await db.SaveChangesAsync(ct);
            return new Result(true, l["Запрос принят. Агентство удалит ваши данные не позже чем через 30 дней и закроет учётную запись."]);
        }
    }
}
