using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// Removes people's data wherever the portal keeps it: the rows themselves (anonymised, never deleted, so rosters and
/// reports keep their counts), the audit log's stored values, and the mail outbox. Everything is staged on the context;
/// the caller saves once, so it all happens in one transaction or not at all.
/// </summary>
public sealed class Erasure(PortalDbContext db)
{
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
        foreach (var person in people)
        {
            var (email, phone) = (person.Email, person.Phone);
            if (!person.Anonymise(nowUtc))
            {
                continue;
            }

            ids.Add(person.Id.ToString(CultureInfo.InvariantCulture));
            traces.AddRange(new[] { email, phone }.OfType<string>());
            if (email is not null)
            {
                addresses.Add(email);
            }
        }

        await RedactAsync(nameof(Participant), ids, ParticipantFields, traces, ct);
        await ForgetMailAsync(addresses, ct);
        return ids.Count;
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

        await ForgetMailAsync(email is null ? [] : [email], ct);
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

    /// <summary>Mail to the person, and mail that names their address, leaves the outbox: sent or not, it is their data.</summary>
    private async Task ForgetMailAsync(IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        foreach (var address in addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var lower = address.ToLowerInvariant();
            var mail = await db.OutboxMessages
                .Where(m => m.ToAddress.ToLower() == lower || m.TextBody.Contains(address) || m.TextBody.Contains(lower))
                .ToListAsync(ct);
            db.OutboxMessages.RemoveRange(mail);
        }
    }
}
