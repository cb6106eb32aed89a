using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MissionPortal.Core.Domain.Auditing;

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

/// <summary>One field of an audited record before and after a change (null: no value).</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>
/// One row of the audit log: who changed which record, when, and every field's old and new value.
/// Written by <see cref="Data.PortalDbContext"/> in the same transaction as the change itself.
/// </summary>
public class AuditEntry
{
    /// <summary>Cyrillic stays as it is in the stored JSON, readable in the database and a sixth of the size.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public AuditEntry(DateTime atUtc, string? userId, string? userName, string entityType, string entityId, int? missionId, AuditAction action, string changes)
    {
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        MissionId = missionId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The signed-in user; null for an anonymous request (a company's sign-up).</summary>
    public string? UserId { get; private set; }

    /// <summary>The user's name at the time, so the log reads the same after the account is renamed.</summary>
    public string? UserName { get; private set; }

    /// <summary>The entity's class name: Mission, ProgrammeItem, Participant...</summary>
    public string EntityType { get; private set; }

    /// <summary>The record's key (composite keys joined with «/»).</summary>
    public string EntityId { get; private set; }

    /// <summary>The mission the record belongs to, when it belongs to one, for the log's mission filter.</summary>
    public int? MissionId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The changed fields as JSON: [{"field":"Title","old":"...","new":"..."}].</summary>
    public string Changes { get; private set; }

    public static string Serialize(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> Deserialize(string changes) =>
        JsonSerializer.Deserialize<List<AuditChange>>(changes, Json) ?? [];

    public IReadOnlyList<AuditChange> ReadChanges() => Deserialize(Changes);

    /// <summary>How <paramref name="value"/> reads inside the stored JSON (a «+» is escaped there), to find the rows that hold it.</summary>
    public static string StoredForm(string value) => JsonSerializer.Serialize(value, Json)[1..^1];

    /// <summary>What stands in the log for a value removed with a person's data.</summary>
    public const string Redacted = "[удалено]";

    /// <summary>
    /// Removes a person's data from the stored values: every value of the named <paramref name="fields"/>, and any
    /// value holding one of the <paramref name="traces"/> (an address, a phone). Values an anonymisation wrote stay,
    /// so the log still says what happened. False when nothing was there to remove.
    /// </summary>
    public bool Redact(IReadOnlySet<string> fields, IReadOnlyCollection<string> traces, IReadOnlySet<string> keep)
    {
        var changed = false;
        var changes = ReadChanges().Select(c => new AuditChange(c.Field, Clean(c.Field, c.Old), Clean(c.Field, c.New))).ToList();
        if (changed)
        {
            Changes = Serialize(changes);
        }

        return changed;

        string? Clean(string field, string? value)
        {
            if (value is null || value == Redacted || keep.Contains(value))
            {
                return value;
            }

            var clean = fields.Contains(field) ? Redacted : value;
            foreach (var trace in traces)
            {
                if (clean.Contains(trace, StringComparison.OrdinalIgnoreCase))
                {
                    clean = clean.Replace(trace, Redacted, StringComparison.OrdinalIgnoreCase);
                }
            }

            changed |= !string.Equals(clean, value, StringComparison.Ordinal);
            return clean;
        }
    }

    /// <summary>The acting user's name as stored, replaced when their account is anonymised.</summary>
    public bool ForgetActorName(string name)
    {
        if (UserName == name)
        {
            return false;
        }

        UserName = name;
        return true;
    }
}
