using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.UnitTests.Domain;

public class PersonalDataTests
{
    private static Participant Person() =>
        new Mission(MissionKind.TradeEconomic, "Миссия", 1, 2, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11))
            .AddDelegation("Делегация", DelegationSide.Visiting)
            .AddParticipant("Козлов", "Дмитрий", "Алексеевич", "Начальник отдела продаж", organizationId: null, DelegationRole.Head, approved: true)
            .WithContacts("kozlov@example.ru", "+79130000000")
            .WithDataBasis(PersonalDataBasis.ConsentCollectedBySender, "Кириллов П. А.", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Anonymising_removes_what_names_or_reaches_the_person_and_keeps_the_row_as_it_counts()
    {
        var person = Person();
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        Assert.True(person.Anonymise(at));

        Assert.Equal((Anonymised.Surname, Anonymised.Blank, (string?)null, Anonymised.Blank), (person.Surname, person.GivenName, person.Patronymic, person.Position));
        Assert.Equal(((string?)null, (string?)null, (string?)null), (person.Email, person.Phone, person.DataBasisRecordedBy));
        Assert.Equal((DelegationRole.Head, ParticipantStatus.Approved, PersonalDataBasis.ConsentCollectedBySender), (person.Role, person.Status, person.DataBasis));
        Assert.Equal(at, person.AnonymisedAtUtc);
    }

    [Fact]
    public void Anonymising_twice_changes_nothing_the_second_time()
    {
        var person = Person();
        var first = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        person.Anonymise(first);

        Assert.False(person.Anonymise(first.AddDays(1)));
        Assert.Equal(first, person.AnonymisedAtUtc);
    }

    [Fact]
    public void Redacting_a_log_row_removes_the_fields_and_the_traces_and_keeps_what_the_anonymisation_wrote()
    {
        var entry = new AuditEntry(DateTime.UtcNow, "u", "Агентство", "Participant", "7", 1, AuditAction.Modified, AuditEntry.Serialize(
        [
            new AuditChange("Surname", "Козлов", Anonymised.Surname),
            new AuditChange("Status", "Pending", "Approved"),
            new AuditChange("Note", "звонить +79130000000 после 10", null),
        ]));

        Assert.True(entry.Redact(new HashSet<string> { "Surname" }, ["+79130000000"], new HashSet<string> { Anonymised.Surname }));

        var changes = entry.ReadChanges();
        Assert.Equal(new AuditChange("Surname", AuditEntry.Redacted, Anonymised.Surname), changes[0]);
        Assert.Equal(new AuditChange("Status", "Pending", "Approved"), changes[1]);
        Assert.Equal(new AuditChange("Note", $"звонить {AuditEntry.Redacted} после 10", null), changes[2]);
        Assert.DoesNotContain("79130000000", entry.Changes, StringComparison.Ordinal);
        Assert.False(entry.Redact(new HashSet<string> { "Surname" }, ["+79130000000"], new HashSet<string> { Anonymised.Surname }));
    }

    [Fact]
    public void An_erasure_request_is_recorded_once_and_an_anonymised_account_keeps_no_address()
    {
        var user = new PortalUser { Id = "abc", UserName = "k@example.ru", Email = "k@example.ru", DisplayName = "Козлов Д. А.", PhoneNumber = "+79130000000" };
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        Assert.True(user.RequestErasure(at));
        Assert.False(user.RequestErasure(at.AddHours(1)));
        Assert.True(user.Anonymise(at.AddDays(1)));

        Assert.Equal(("deleted-abc@invalid", "deleted-abc@invalid", Anonymised.UserName, (string?)null, (string?)null), (user.Email, user.UserName, user.DisplayName, user.PhoneNumber, user.PasswordHash));
        Assert.Equal(DateTimeOffset.MaxValue, user.LockoutEnd);
        Assert.False(user.Anonymise(at.AddDays(2)));
    }
}
