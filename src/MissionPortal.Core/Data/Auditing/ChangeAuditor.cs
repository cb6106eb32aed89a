using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Auditing;

/// <summary>
/// Turns the change tracker's pending changes into audit rows. Every entity is audited unless listed here,
/// so a new entity is covered the day it is added; secrets (password hashes, stamps, tokens) and
/// bookkeeping columns never reach the log.
/// </summary>
public static class ChangeAuditor
{
    /// <summary>Records that are themselves logs, keys, or sign-in plumbing.</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry),
        typeof(DataProtectionKey),
        typeof(ProgrammeChange),
        typeof(Domain.Common.FormSubmission),
        // Mail waiting to go: its bodies hold one-time links, and its own columns are its history.
        typeof(Domain.Mail.OutboxMessage),
        // Notices are themselves a log of what happened; being opened is not a change worth recording.
        typeof(Domain.Notifications.Notification),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityRoleClaim<string>),
    ];

    /// <summary>Columns that are secret or mere bookkeeping; any column whose name holds «Token», «Secret» or «Hash» too.</summary>
    private static readonly HashSet<string> HiddenProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version", "SearchText", "NameKey",
        "NormalizedEmail", "NormalizedUserName", "NormalizedName", "AccessFailedCount",
    };

    /// <summary>How many rows go into one INSERT: 8 parameters a row stays under SQL Server's 2,100.</summary>
    private const int RowsPerCommand = 200;

    public static bool IsAudited(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && IsAuditedType(entry.Metadata.ClrType);

    public static bool IsAuditedType(Type type) => !NotAudited.Contains(type);

    public static bool IsHidden(string property) =>
        HiddenProperties.Contains(property)
        || property.Contains("Token", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Hash", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Audit rows for the entries saved but not yet accepted: added records already carry their generated keys,
    /// modified ones still hold their original values.
    /// </summary>
    public static List<AuditEntry> Build(IReadOnlyList<EntityEntry> entries, IEnumerable<EntityEntry> tracked, AuditActor actor)
    {
        var byKey = new Dictionary<(IEntityType, string), EntityEntry>();
        foreach (var entry in tracked)
        {
            if (entry.Metadata.FindPrimaryKey() is { } key)
            {
                byKey.TryAdd((entry.Metadata, KeyOf(entry, key.Properties)), entry);
            }
        }

        var rows = new List<AuditEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var key = entry.Metadata.FindPrimaryKey();
            rows.Add(new AuditEntry(
                actor.AtUtc,
                actor.UserId,
                actor.UserName,
                Truncate(entry.Metadata.ShortName(), 100),
                key is null ? string.Empty : Truncate(KeyOf(entry, key.Properties), 100),
                MissionOf(entry, byKey, depth: 0),
                action,
                AuditEntry.Serialize(changes)));
        }

        return rows;
    }

    public static void Insert(DbContext db, IReadOnlyList<AuditEntry> rows)
    {
        foreach (var (sql, parameters) in Commands(db, rows))
        {
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    public static async Task InsertAsync(DbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        foreach (var (sql, parameters) in Commands(db, rows))
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>One multi-row INSERT per <see cref="RowsPerCommand"/> rows, with the provider's own quoting.</summary>
    private static IEnumerable<(string Sql, object[] Parameters)> Commands(DbContext db, IReadOnlyList<AuditEntry> rows)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var helper = db.GetService<ISqlGenerationHelper>();
        string[] properties =
        [
            nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.EntityType),
            nameof(AuditEntry.EntityId), nameof(AuditEntry.MissionId), nameof(AuditEntry.Action), nameof(AuditEntry.Changes),
        ];
        var columns = string.Join(", ", properties.Select(p => helper.DelimitIdentifier(type.FindProperty(p)!.GetColumnName(table)!)));
        // Parameters made by the provider itself, so a null goes in as NULL whatever the column.
        using var command = db.Database.GetDbConnection().CreateCommand();
        var head = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";

        foreach (var chunk in rows.Chunk(RowsPerCommand))
        {
            var sql = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * properties.Length);
            foreach (var row in chunk)
            {
                if (parameters.Count > 0)
                {
                    sql.Append(", ");
                }

                sql.Append('(');
                object?[] values = [row.AtUtc, row.UserId, row.UserName, row.EntityType, row.EntityId, row.MissionId, (int)row.Action, row.Changes];
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@a" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    parameter.Value = values[i] ?? DBNull.Value;
                    sql.Append(i == 0 ? "{" : ", {").Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                    parameters.Add(parameter);
                }

                sql.Append(')');
            }

            yield return (sql.ToString(), parameters.ToArray());
        }
    }

    /// <summary>
    /// A record being anonymised (its «AnonymisedAtUtc» set in this change) keeps no trace of what it held: the old
    /// values of its text fields are written as <see cref="AuditEntry.Redacted"/>.
    /// </summary>
    private static bool IsBeingAnonymised(EntityEntry entry) =>
        entry.State == EntityState.Modified
        && entry.Metadata.FindProperty("AnonymisedAtUtc") is { } anonymised
        && entry.Property(anonymised.Name) is { IsModified: true, OriginalValue: null, CurrentValue: not null };

    private static List<AuditChange> Changes(EntityEntry entry)
    {
        var changes = new List<AuditChange>();
        var anonymising = IsBeingAnonymised(entry);
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (IsHidden(metadata.Name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null && !IsGeneratedKey(metadata):
                    changes.Add(new AuditChange(metadata.Name, null, Format(property.CurrentValue)));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null && !IsGeneratedKey(metadata):
                    changes.Add(new AuditChange(metadata.Name, Format(property.OriginalValue), null));
                    break;
                case EntityState.Modified when property.IsModified:
                    var before = anonymising && metadata.ClrType == typeof(string) && property.OriginalValue is not null ? AuditEntry.Redacted : Format(property.OriginalValue);
                    var after = Format(property.CurrentValue);
                    if (!string.Equals(before, after, StringComparison.Ordinal))
                    {
                        changes.Add(new AuditChange(metadata.Name, before, after));
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>A number the database gives (it is the row's EntityId already); a key the record is made of, such as a user and a role, is a value worth showing.</summary>
    private static bool IsGeneratedKey(IProperty property) => property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never;

    /// <summary>The mission of a record: its own MissionId, or that of a tracked record it points to (a participant's delegation).</summary>
    private static int? MissionOf(EntityEntry entry, Dictionary<(IEntityType, string), EntityEntry> byKey, int depth)
    {
        if (entry.Metadata.ClrType == typeof(Mission))
        {
            // Not the entity's Id: until the changes are accepted, a generated key lives in the entry only.
            return (int?)entry.Property(nameof(Mission.Id)).CurrentValue;
        }

        if (entry.Metadata.FindProperty(nameof(Delegation.MissionId)) is { } own && own.ClrType.IsAssignableTo(typeof(int?)))
        {
            return (int?)(entry.State == EntityState.Deleted ? entry.Property(own.Name).OriginalValue : entry.Property(own.Name).CurrentValue);
        }

        if (depth >= 3)
        {
            return null;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            var values = foreignKey.Properties.Select(p => entry.State == EntityState.Deleted ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue).ToList();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var principalKey = string.Join('/', values.Select(Format));
            if (byKey.TryGetValue((foreignKey.PrincipalEntityType, principalKey), out var principal)
                && MissionOf(principal, byKey, depth + 1) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
        string.Join('/', properties.Select(p => Format(entry.State == EntityState.Deleted ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue)));

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        bool b => b ? "true" : "false",
        byte[] bytes => $"[{bytes.Length} bytes]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
