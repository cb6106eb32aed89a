using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Configurations;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.B2b;

/// <summary>A company that has joined a session asks a company of the other side for a meeting, with a short message.</summary>
public static class SendMeetingRequest
{
    public sealed class Input
    {
        public int? ToId { get; set; }

        public string? Message { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ToId).NotNull().WithMessage(l["Выберите компанию."]);
            RuleFor(x => x.Message).MaximumLength(MeetingRequestConfiguration.MessageLength)
                .WithMessage(l["Сократите сообщение до {0} символов.", MeetingRequestConfiguration.MessageLength]);
        }
    }

    public enum Outcome
    {
        Sent,
        Refused,

        /// <summary>No such company in the session.</summary>
        NotFound,
    }

    /// <summary>What became of the request, with the message for the next page.</summary>
    public sealed record Result(Outcome Outcome, string Message);

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, PortalNotices notices)
    {
        /// <summary>Sends a valid input from the company's participation in the session; the session's rules may refuse it.</summary>
        public async Task<Result> HandleAsync(CompanySeat seat, int participationId, Input input, CancellationToken ct)
        {
            var target = await db.B2bParticipations.AsNoTracking().Where(p => p.Id == input.ToId && p.SessionId == seat.SessionId)
                .Select(p => new { p.Id, p.Side, p.OrganizationId, Name = p.Organization!.ShortName ?? p.Organization.Name }).SingleOrDefaultAsync(ct);
            if (target is null)
            {
                return new Result(Outcome.NotFound, string.Empty);
            }

            var session = await db.B2bSessions.AsNoTracking().SingleAsync(s => s.Id == seat.SessionId, ct);
            var between = await db.MeetingRequests.AsNoTracking()
                .Where(r => (r.FromId == participationId && r.ToId == target.Id) || (r.FromId == target.Id && r.ToId == participationId))
                .FirstOrDefaultAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var decision = session.RequestMeeting(
                new B2bParty(participationId, seat.OrganizationId, seat.Side),
                new B2bParty(target.Id, target.OrganizationId, target.Side),
                between,
                FormText.Blank(input.Message),
                now);
            if (decision.Refusal is { } refusal)
            {
                var zone = await MissionZone.OfMissionAsync(db, session.MissionId, ct);
                return new Result(Outcome.Refused, refusal switch
                {
                    B2bRefusal.RequestsNotOpenYet => l["Запросы на встречи принимаются с {0} по {1} ({2}): приём ещё не открыт.", zone.Text(session.RequestsOpenUtc), zone.Text(session.RequestsCloseUtc), zone.Label(l, session.RequestsOpenUtc)],
                    B2bRefusal.RequestsClosed => l["Запросы на встречи принимались с {0} по {1} ({2}): приём закрыт.", zone.Text(session.RequestsOpenUtc), zone.Text(session.RequestsCloseUtc), zone.Label(l, session.RequestsOpenUtc)],
                    B2bRefusal.OwnCompany => l["Нельзя назначить встречу своей же компании."],
                    B2bRefusal.SameSide => seat.Side == B2bSide.Host
                        ? l["Встречи назначаются с компаниями другой стороны: принимающие компании встречаются с гостями миссии."]
                        : l["Встречи назначаются с компаниями другой стороны: гости миссии встречаются с принимающими компаниями."],
                    B2bRefusal.AlreadySent => l["Вы уже отправили запрос компании {0}.", target.Name],
                    _ => l["Компания {0} уже прислала вам запрос: ответьте на него.", target.Name],
                });
            }

            db.MeetingRequests.Add(decision.Change!);
            await notices.B2bRequestReceivedAsync(seat.SessionId, seat.OrganizationId, target.OrganizationId, decision.Change!.Message, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same request sent twice at once: the unique index keeps one.
                return new Result(Outcome.Refused, l["Вы уже отправили запрос компании {0}.", target.Name]);
            }

            return new Result(Outcome.Sent, l["Запрос на встречу отправлен компании {0}.", target.Name]);
        }
    }
}
