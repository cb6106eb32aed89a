using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Core.Domain.Missions;

/// <summary>
/// Where a person stands on a roster: the head of the delegation first, then by the precedence number
/// the agency sets (lower first), ties by «Фамилия Имя Отчество» in Russian alphabetical order.
/// </summary>
public readonly record struct ProtocolKey(bool IsHead, int Order, string Surname, string GivenName, string? Patronymic)
{
    public static ProtocolKey Of(DelegationRole role, int order, string surname, string givenName, string? patronymic) =>
        new(role == DelegationRole.Head, order, surname, givenName, patronymic);

    public static IComparer<ProtocolKey> Comparer { get; } = new ProtocolKeyComparer();

    private sealed class ProtocolKeyComparer : IComparer<ProtocolKey>
    {
        public int Compare(ProtocolKey x, ProtocolKey y)
        {
            if (x.IsHead != y.IsHead)
            {
                return x.IsHead ? -1 : 1;
            }

            var byOrder = x.Order.CompareTo(y.Order);
            if (byOrder != 0)
            {
                return byOrder;
            }

            var collation = RussianCollation.Instance;
            var bySurname = collation.Compare(x.Surname, y.Surname);
            if (bySurname != 0)
            {
                return bySurname;
            }

            var byGiven = collation.Compare(x.GivenName, y.GivenName);
            return byGiven != 0 ? byGiven : collation.Compare(x.Patronymic ?? string.Empty, y.Patronymic ?? string.Empty);
        }
    }
}
