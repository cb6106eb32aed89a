using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.UnitTests.Domain;

/// <summary>The rules of requesting and cancelling B2B meetings, below HTTP: each returns the change or why not.</summary>
public class B2bSessionTests
{
    private static readonly DateTime Opens = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Open = new(2026, 12, 5, 5, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 12, 10);

    private static readonly B2bParty Guest = new(ParticipationId: 1, OrganizationId: 10, B2bSide.Guest);
    private static readonly B2bParty Host = new(ParticipationId: 2, OrganizationId: 20, B2bSide.Host);

    private static B2bSession NewSession() =>
        new(programmeItemId: 5, missionId: 7, new SessionSettings(new TimeOnly(10, 0), new TimeOnly(12, 0), 20, 5, 10, Opens, Closes, []));

    private static MeetingRequest Accepted(B2bParty from, B2bParty to)
    {
        var request = new MeetingRequest(0, from.ParticipationId, to.ParticipationId, null, Open);
        request.Accept(Open);
        return request;
    }

    [Fact]
    public void A_guest_asks_a_host_while_requests_are_open_and_gets_a_pending_request()
    {
        var decision = NewSession().RequestMeeting(Guest, Host, null, "Обсудим поставки", Open);

        Assert.False(decision.Refused);
        var request = decision.Change!;
        Assert.Equal((Guest.ParticipationId, Host.ParticipationId), (request.FromId, request.ToId));
        Assert.Equal(MeetingRequestStatus.Pending, request.Status);
        Assert.Equal("Обсудим поставки", request.Message);
        Assert.Equal(Open, request.SentAtUtc);
    }

    [Fact]
    public void Requests_are_taken_from_the_opening_up_to_but_not_at_the_closing()
    {
        var session = NewSession();

        Assert.Equal(B2bRefusal.RequestsNotOpenYet, session.RequestMeeting(Guest, Host, null, null, Opens.AddMinutes(-1)).Refusal);
        Assert.Null(session.RequestMeeting(Guest, Host, null, null, Opens).Refusal);
        Assert.Null(session.RequestMeeting(Guest, Host, null, null, Closes.AddTicks(-1)).Refusal);
        Assert.Equal(B2bRefusal.RequestsClosed, session.RequestMeeting(Guest, Host, null, null, Closes).Refusal);
    }

    [Fact]
    public void A_company_cannot_ask_itself_nor_another_entry_of_its_own_organisation()
    {
        var session = NewSession();

        Assert.Equal(B2bRefusal.OwnCompany, session.RequestMeeting(Guest, Guest, null, null, Open).Refusal);
        Assert.Equal(B2bRefusal.OwnCompany, session.RequestMeeting(Guest, Host with { OrganizationId = Guest.OrganizationId }, null, null, Open).Refusal);
    }

    [Fact]
    public void Hosts_meet_guests_never_their_own_side()
    {
        var otherGuest = new B2bParty(3, 30, B2bSide.Guest);
        var otherHost = new B2bParty(4, 40, B2bSide.Host);

        Assert.Equal(B2bRefusal.SameSide, NewSession().RequestMeeting(Guest, otherGuest, null, null, Open).Refusal);
        Assert.Equal(B2bRefusal.SameSide, NewSession().RequestMeeting(Host, otherHost, null, null, Open).Refusal);
    }

    [Fact]
    public void A_pair_has_one_request_whoever_asked_first()
    {
        var session = NewSession();
        var sent = new MeetingRequest(0, Guest.ParticipationId, Host.ParticipationId, null, Open);

        Assert.Equal(B2bRefusal.AlreadySent, session.RequestMeeting(Guest, Host, sent, null, Open).Refusal);
        Assert.Equal(B2bRefusal.AlreadyAsked, session.RequestMeeting(Host, Guest, sent, null, Open).Refusal);
    }

    [Fact]
    public void The_window_is_checked_first_then_the_company_then_the_side_then_the_pair()
    {
        var session = NewSession();
        var sent = new MeetingRequest(0, Guest.ParticipationId, Host.ParticipationId, null, Open);

        Assert.Equal(B2bRefusal.RequestsClosed, session.RequestMeeting(Guest, Guest, sent, null, Closes).Refusal);
        Assert.Equal(B2bRefusal.OwnCompany, session.RequestMeeting(Guest, Guest with { ParticipationId = 9 }, sent, null, Open).Refusal);
        Assert.Equal(B2bRefusal.SameSide, session.RequestMeeting(Guest, new B2bParty(3, 30, B2bSide.Guest), sent, null, Open).Refusal);
    }

    [Fact]
    public void Only_the_company_asked_answers_and_only_once()
    {
        var request = new MeetingRequest(0, Guest.ParticipationId, Host.ParticipationId, null, Open);

        Assert.Equal(B2bRefusal.NotTheReceiver, request.AnswerBy(Guest.ParticipationId, accept: true, Open).Refusal);
        Assert.Equal(MeetingRequestStatus.Pending, request.Status);

        Assert.False(request.AnswerBy(Host.ParticipationId, accept: true, Open).Refused);
        Assert.Equal(MeetingRequestStatus.Accepted, request.Status);
        Assert.Equal(Open, request.AnsweredAtUtc);

        Assert.Equal(B2bRefusal.AlreadyAnswered, request.AnswerBy(Host.ParticipationId, accept: false, Open).Refusal);
        Assert.Equal(MeetingRequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void Either_company_cancels_an_accepted_meeting_while_requests_are_open()
    {
        foreach (var by in new[] { Guest, Host })
        {
            var request = Accepted(Guest, Host);

            var decision = NewSession().CancelMeeting(request, by.ParticipationId, Day, HostCalendar.Krasnoyarsk, Open);

            Assert.False(decision.Refused);
            Assert.Equal(MeetingRequestStatus.Cancelled, request.Status);
        }
    }

    [Fact]
    public void Only_an_accepted_meeting_is_cancelled()
    {
        var pending = new MeetingRequest(0, Guest.ParticipationId, Host.ParticipationId, null, Open);
        var declined = new MeetingRequest(0, Guest.ParticipationId, Host.ParticipationId, null, Open);
        declined.Decline(Open);

        Assert.Equal(B2bRefusal.NotAccepted, NewSession().CancelMeeting(pending, Guest.ParticipationId, Day, HostCalendar.Krasnoyarsk, Open).Refusal);
        Assert.Equal(B2bRefusal.NotAccepted, NewSession().CancelMeeting(declined, Guest.ParticipationId, Day, HostCalendar.Krasnoyarsk, Open).Refusal);
        Assert.Equal(MeetingRequestStatus.Pending, pending.Status);
        Assert.Equal(MeetingRequestStatus.Declined, declined.Status);
    }

    [Fact]
    public void After_requests_close_the_agency_keeps_the_schedule_and_once_the_session_begins_nothing_is_cancelled()
    {
        var session = NewSession();
        var request = Accepted(Guest, Host);

        Assert.Equal(B2bRefusal.ScheduleKeptByAgency, session.CancelMeeting(request, Guest.ParticipationId, Day, HostCalendar.Krasnoyarsk, Closes).Refusal);
        Assert.Equal(MeetingRequestStatus.Accepted, request.Status);

        // A session held while requests are still open: its start is what stops the cancelling.
        var starts = session.StartsAtUtc(new DateOnly(2026, 12, 6), HostCalendar.Krasnoyarsk);
        Assert.True(starts > Opens && starts < Closes);
        Assert.Null(session.WhyNotCancel(request, new DateOnly(2026, 12, 6), HostCalendar.Krasnoyarsk, starts.AddTicks(-1)));
        Assert.Equal(B2bRefusal.SessionStarted, session.CancelMeeting(request, Guest.ParticipationId, new DateOnly(2026, 12, 6), HostCalendar.Krasnoyarsk, starts).Refusal);
        Assert.Equal(MeetingRequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void A_session_starts_at_its_first_meeting_in_the_host_regions_time()
    {
        var starts = NewSession().StartsAtUtc(Day, HostCalendar.Krasnoyarsk);

        Assert.Equal(DateTimeKind.Utc, starts.Kind);
        Assert.Equal(new DateTime(2026, 12, 10, 10, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(starts, HostCalendar.Krasnoyarsk));
        // The same 10:00 in Kaliningrad (UTC+2) is five hours later.
        Assert.Equal(new DateTime(2026, 12, 10, 8, 0, 0), NewSession().StartsAtUtc(Day, HostCalendar.Zone("Europe/Kaliningrad")));
    }

    [Fact]
    public void A_company_outside_the_meeting_cannot_cancel_it()
    {
        Assert.Throws<InvalidOperationException>(() => NewSession().CancelMeeting(Accepted(Guest, Host), 99, Day, HostCalendar.Krasnoyarsk, Open));
    }
}
