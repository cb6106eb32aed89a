using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.B2b;

namespace MissionPortal.IntegrationTests.Features.B2b;

/// <summary>The B2B commands below HTTP, on a real database: what they store and what they say when they refuse.</summary>
public class B2bHandlerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_request_is_stored_once_and_asking_again_is_refused_in_the_users_words()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (guest, host) = await JoinAsync(services, id, world);
        var seat = (await services.GetRequiredService<B2bAccess>().SeatAsync(world.GuestA.Id, id, CancellationToken.None))!;
        var send = services.GetRequiredService<SendMeetingRequest.Handler>();

        var first = await send.HandleAsync(seat, guest, new SendMeetingRequest.Input { ToId = host, Message = "  " }, CancellationToken.None);
        var again = await send.HandleAsync(seat, guest, new SendMeetingRequest.Input { ToId = host }, CancellationToken.None);
        var nowhere = await send.HandleAsync(seat, guest, new SendMeetingRequest.Input { ToId = -1 }, CancellationToken.None);

        Assert.Equal(new SendMeetingRequest.Result(SendMeetingRequest.Outcome.Sent, $"Запрос на встречу отправлен компании {world.HostA.Name}."), first);
        Assert.Equal(new SendMeetingRequest.Result(SendMeetingRequest.Outcome.Refused, $"Вы уже отправили запрос компании {world.HostA.Name}."), again);
        Assert.Equal(SendMeetingRequest.Outcome.NotFound, nowhere.Outcome);
        var stored = await factory.QueryAsync(db => db.MeetingRequests.AsNoTracking().Where(r => r.SessionId == id).ToListAsync());
        var request = Assert.Single(stored);
        Assert.Equal((guest, host, (string?)null, MeetingRequestStatus.Pending), (request.FromId, request.ToId, request.Message, request.Status));
    }

    [Fact]
    public async Task Only_the_company_asked_answers_and_an_answered_request_stays_as_it_was()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
        var world = await B2bWorld.CreateAsync(factory);
        var id = world.SessionId!.Value;
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (guest, host) = await JoinAsync(services, id, world);
        var db = services.GetRequiredService<PortalDbContext>();
        var request = db.MeetingRequests.Add(new MeetingRequest(id, guest, host, null, DateTime.UtcNow)).Entity;
        await db.SaveChangesAsync();
        var answer = services.GetRequiredService<AnswerMeetingRequest.Handler>();

        var bySender = await answer.HandleAsync(request, guest, new AnswerMeetingRequest.Input(request.Id, Accept: true), CancellationToken.None);
        var byReceiver = await answer.HandleAsync(request, host, new AnswerMeetingRequest.Input(request.Id, Accept: false), CancellationToken.None);
        var twice = await answer.HandleAsync(request, host, new AnswerMeetingRequest.Input(request.Id, Accept: true), CancellationToken.None);

        Assert.Equal(new AnswerMeetingRequest.Result(false, "На запрос отвечает компания, которой он отправлен."), bySender);
        Assert.Equal(new AnswerMeetingRequest.Result(true, "Запрос отклонён."), byReceiver);
        Assert.Equal(new AnswerMeetingRequest.Result(false, "На этот запрос уже ответили."), twice);
        Assert.Equal(MeetingRequestStatus.Declined, await factory.QueryAsync(d => d.MeetingRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
    }

    /// <summary>The first visiting company and the first host company join the session; their participation ids.</summary>
    private static async Task<(int Guest, int Host)> JoinAsync(IServiceProvider services, int sessionId, B2bWorld world)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var guest = new B2bParticipation(sessionId, world.GuestA.Id, B2bSide.Guest, DateTime.UtcNow);
        var host = new B2bParticipation(sessionId, world.HostA.Id, B2bSide.Host, DateTime.UtcNow);
        guest.Describe(null, null, ["Инфузионные растворы"], [], "Гостев Антон", null);
        host.Describe(null, null, [], ["Инфузионные растворы"], "Хозяинов Борис", null);
        db.B2bParticipations.AddRange(guest, host);
        await db.SaveChangesAsync();
        return (guest.Id, host.Id);
    }
}
