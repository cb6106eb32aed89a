using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// Removes people's data wherever the portal keeps it: the rows themselves (anonymised, never deleted, so rosters and
/// reports keep their counts), the person's name where it was typed as text on the same mission (the programme's items
/// and round tables, the change list, agreement signatories, B2B table contacts), the audit log's stored values, and
/// the mail outbox. Everything is staged on the context; the caller saves once, so it all happens in one transaction
/// or not at all, and then calls <see cref="FinishAsync"/>: the log's copies of the text that save changed are cleaned,
/// and the .eml files written to the person are deleted from mail/.
/// </summary>
public sealed class Erasure(PortalDbContext db, IOptions<StorageOptions> storage, ILogger<Erasure> logger)
{
    private readonly List<string> _addresses = [];
    private readonly List<(int MissionId, IReadOnlyCollection<string> Found, IReadOnlyList<string> Tables)> _typed = [];

    /// <summary>The participant's fields that name or reach the person.</summary>
    private static readonly HashSet<string> ParticipantFields = new(StringComparer.Ordinal)
    {
        nameof(Participant.Surname), nameof(Participant.GivenName), nameof(Participant.Patronymic), nameof(Participant.Position),
        nameof(Participant.Email), nameof(Participant.Phone), nameof(Participant.DataBasisRecordedBy),
    };

    private static readonly HashSet<string> UserFields = new(StringComparer.Ordinal)
    {
        nameof(PortalUser.DisplayName), nameof(PortalUser.UserName), nameof(PortalUser.Email), nameof(PortalUser.PhoneNumber),
    };

    /// <summary>What an anonymisation writes: kept as they are when the log is cleaned again.</summary>
    private static readonly HashSet<string> Written = new(StringComparer.Ordinal) { Anonymised.Surname, Anonymised.Blank, Anonymised.UserName };

    private const int Chunk = 500;

    /// <summary>Anonymises the (tracked) people not anonymised yet and stages the cleaning of the log and the outbox; how many it anonymised.</summary>
    public async Task<int> AnonymiseAsync(IReadOnlyCollection<Participant> people, DateTime nowUtc, CancellationToken ct)
    {
        var ids = new List<string>();
        var traces = new List<string>();
        var addresses = new List<string>();
        var names = new List<(int MissionId, int PersonId, string Surname, string GivenName, string? Patronymic)>();
        foreach (var person in people)
        {
            var (email, phone) = (person.Email, person.Phone);
            var (surname, givenName, patronymic) = (person.Surname, person.GivenName, person.Patronymic);
            if (!person.Anonymise(nowUtc))
            {
                continue;
            }

            if (person.Delegation is { } delegation)
            {
                names.Add((delegation.MissionId, person.Id, surname, givenName, patronymic));
            }

            ids.Add(person.Id.ToString(CultureInfo.InvariantCulture));
            traces.AddRange(new[] { email, phone }.OfType<string>());
            if (email is not null)
            {
                addresses.Add(email);
            }
        }

        await RedactAsync(nameof(Participant), ids, ParticipantFields, traces, ct);
        ForgetMail(addresses);
        foreach (var mission in names.GroupBy(n => n.MissionId))
        {
            await RemoveTypedNamesAsync(mission.Key, mission.Select(n => (n.PersonId, n.Surname, n.GivenName, n.Patronymic)).ToList(), ct);
        }

        return ids.Count;
    }

    /// <summary>
    /// After the caller's save: the audit log's copies of the text that save took names out of are cleaned (the save
    /// itself logged the text it replaced), mail to the people leaves the outbox and the .eml files written to them are
    /// deleted from mail/. True when it staged log changes the caller must save.
    /// </summary>
    public async Task<bool> FinishAsync(CancellationToken ct)
    {
        await DeleteOutboxMailAsync(ct);
        var staged = false;
        foreach (var (missionId, found, tables) in _typed)
        {
            var useful = found.Where(f => f.Trim().Length >= 5).ToList();
            foreach (var form in useful.Select(AuditEntry.StoredForm).Distinct(StringComparer.Ordinal))
            {
                // A B2B table's rows are logged without a mission: they are found by their own ids.
                var entries = db.AuditEntries.Where(a => a.MissionId == missionId || (a.EntityType == nameof(B2bParticipation) && tables.Contains(a.EntityId)));
                foreach (var entry in await entries.Where(a => a.Changes.Contains(form)).ToListAsync(ct))
                {
                    staged |= entry.Redact(new HashSet<string>(), useful, Written);
                }
            }
        }

        _typed.Clear();
        DeleteMailFiles();
        return staged;
    }

    /// <summary>The person's name typed as text on their mission: matched as «Фамилия Имя Отчество» (and as «Фамилия И. О.» in the change list, which names attendees so).</summary>
    private async Task RemoveTypedNamesAsync(int missionId, IReadOnlyList<(int Id, string Surname, string GivenName, string? Patronymic)> people, CancellationToken ct)
    {
        var full = new NameInText([.. people.Select(p => PersonName.Full(p.Surname, p.GivenName, p.Patronymic))]);
        var listed = new NameInText([.. people.SelectMany(p => new[] { PersonName.Full(p.Surname, p.GivenName, p.Patronymic), PersonName.Short(p.Surname, p.GivenName, p.Patronymic) })]);
        var ids = people.Select(p => p.Id).ToList();
        var keys = people.Select(p => PersonName.Key(p.Surname, p.GivenName, p.Patronymic)).ToHashSet(StringComparer.Ordinal);

        foreach (var item in await db.ProgrammeItems.Include(i => i.RoundTable).ThenInclude(r => r!.Speakers).Where(i => i.MissionId == missionId).ToListAsync(ct))
        {
            item.RemoveName(full);
        }

        foreach (var change in await db.ProgrammeChanges.Where(c => c.MissionId == missionId).ToListAsync(ct))
        {
            change.RemoveName(listed);
        }

        foreach (var agreement in await db.Agreements.Include(a => a.Signatories).Where(a => a.MissionId == missionId).ToListAsync(ct))
        {
            foreach (var signatory in agreement.Signatories.Where(s => (s.ParticipantId is { } p && ids.Contains(p)) || keys.Contains(PersonName.Key(s.Surname, s.GivenName, s.Patronymic))))
            {
                full.Remove(signatory.FullName);
                signatory.Anonymise();
            }
        }

        var tables = new List<string>();
        foreach (var table in await db.B2bParticipations.Where(p => db.B2bSessions.Any(s => s.Id == p.SessionId && s.MissionId == missionId)).ToListAsync(ct))
        {
            if (table.RemoveName(full))
            {
                tables.Add(table.Id.ToString(CultureInfo.InvariantCulture));
            }
        }

        _typed.Add((missionId, full.Found.Concat(listed.Found).ToList(), tables));
    }

    private void DeleteMailFiles()
    {
        var folder = Path.Combine(storage.Value.DataPath, "mail");
        var addresses = _addresses.Select(a => a.Trim()).Where(a => a.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _addresses.Clear();
        if (addresses.Count == 0 || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            try
            {
                bool theirs;
                using (var message = MimeMessage.Load(file))
                {
                    theirs = message.To.Mailboxes.Any(m => addresses.Contains(m.Address));
                }

                if (theirs)
                {
                    File.Delete(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                logger.LogWarning(e, "A sent message in the mail folder could not be checked or deleted for an erasure");
            }
        }
    }

    /// <summary>Stages the cleaning of everything the log and the outbox hold of an account being anonymised.</summary>
    public async Task ForgetUserAsync(string userId, string? email, string? phone, string? displayName, CancellationToken ct)
    {
        var traces = new[] { email, phone, displayName }.OfType<string>().ToList();
        await RedactAsync(nameof(PortalUser), [userId], UserFields, traces, ct);
        foreach (var entry in await db.AuditEntries.Where(a => a.UserId == userId).ToListAsync(ct))
        {
            entry.ForgetActorName(Anonymised.UserName);
        }

        ForgetMail(email is null ? [] : [email]);
    }

    /// <summary>Stages the removal of <paramref name="traces"/> from every stored value of the log (after a change whose own row still held them).</summary>
    public Task RedactTracesAsync(IReadOnlyCollection<string> traces, CancellationToken ct) => RedactAsync(string.Empty, [], ParticipantFields, traces, ct);

    private async Task RedactAsync(string entityType, IReadOnlyList<string> ids, IReadOnlySet<string> fields, IReadOnlyCollection<string> traces, CancellationToken ct)
    {
        var useful = traces.Where(t => t.Trim().Length >= 5).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var own = await db.AuditEntries.Where(a => a.EntityType == entityType && chunk.Contains(a.EntityId)).ToListAsync(ct);
            foreach (var entry in own)
            {
                entry.Redact(fields, useful, Written);
            }
        }

        var none = new HashSet<string>();
        foreach (var trace in useful)
        {
            // The stored JSON escapes some characters («+» of a phone); both cases of an address, as typed and as imported.
            foreach (var form in new[] { trace, trace.ToLowerInvariant() }.Select(AuditEntry.StoredForm).Distinct(StringComparer.Ordinal))
            {
                foreach (var entry in await db.AuditEntries.Where(a => a.Changes.Contains(form)).ToListAsync(ct))
                {
                    entry.Redact(none, useful, Written);
                }
            }
        }
    }

    /// <summary>Notes the addresses whose mail leaves the outbox and the mail folder once the caller's save is done.</summary>
    private void ForgetMail(IReadOnlyCollection<string> addresses) => _addresses.AddRange(addresses);

    /// <summary>
    /// Mail to the person, and mail that names their address, leaves the outbox: sent or not, it is their data. Deleted
    /// by statement rather than through tracked rows, so a sender claiming or marking one of those letters meanwhile
    /// (it updates by id and version, and finds nothing once the row is gone) can't make the erasure itself fail.
    /// </summary>
    private async Task DeleteOutboxMailAsync(CancellationToken ct)
    {
        foreach (var address in _addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var lower = address.ToLowerInvariant();
            await db.OutboxMessages
                .Where(m => m.ToAddress.ToLower() == lower || m.TextBody.Contains(address) || m.TextBody.Contains(lower))
                .ExecuteDeleteAsync(ct);
        }
    }
}
