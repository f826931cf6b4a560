namespace TalkBot.Cards.Views;

/// <summary>
/// One page of a long list: where it starts, how many lines the whole list has, and how many of them are overdue. Teams
/// takes a card of about 28 KB, so a list of hundreds is shown <see cref="Size"/> lines at a time, most urgent or newest
/// first, with 上一页 / 下一页 and the totals of the whole list.
/// </summary>
public sealed record ListPage(int From, int Total, int Overdue = 0)
{
    /// <summary>Lines per page of one list on a card.</summary>
    public const int Size = 6;

    /// <summary>How much of a free text (a lead's summary, a note) a line of a list shows.</summary>
    public const int TextLength = 40;

    /// <summary>The whole of a short list, as one page.</summary>
    public static ListPage Whole<T>(IReadOnlyCollection<T> lines, Func<T, bool>? overdue = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new(0, lines.Count, overdue is null ? 0 : lines.Count(overdue));
    }

    /// <summary>
    /// The page of <paramref name="ordered"/> (in the order shown) that starts at <paramref name="from"/>: a start past
    /// the end shows the last page, a negative one the first.
    /// </summary>
    public static (IReadOnlyList<T> Lines, ListPage Page) Of<T>(IReadOnlyList<T> ordered, int from, Func<T, bool>? overdue = null)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var start = Math.Clamp(from, 0, Math.Max(0, (ordered.Count - 1) / Size * Size));
        start -= start % Size;
        return ([.. ordered.Skip(start).Take(Size)], Whole(ordered, overdue) with { From = start });
    }

    public bool HasPrevious => From > 0;

    public bool HasNext => From + Size < Total;

    /// <summary>The start of the previous and of the next page.</summary>
    public int Previous => Math.Max(0, From - Size);

    public int Next => From + Size;
}

/// <summary>Cuts a page of each section out of a whole archive (the export takes it whole).</summary>
public static class ArchivePaging
{
    /// <param name="whole">The archive with every section whole, each in its <see cref="ListOrder"/>.</param>
    public static ArchiveView Page(ArchiveView whole, int talksFrom, int leadsFrom, int casesFrom, int tasksFrom)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var (talks, talkPage) = ListPage.Of(whole.Talks, talksFrom);
        var (leads, leadPage) = ListPage.Of(whole.Leads, leadsFrom);
        var (cases, casePage) = ListPage.Of(whole.Cases, casesFrom);
        var (tasks, taskPage) = ListPage.Of(whole.Tasks, tasksFrom, t => t.Overdue);
        return whole with { Talks = talks, Leads = leads, Cases = cases, Tasks = tasks, Pages = new ArchivePages(talkPage, leadPage, casePage, taskPage) };
    }
}

/// <summary>The order each list is shown and paged in: most urgent first, then the newest.</summary>
public static class ListOrder
{
    public static IReadOnlyList<LeadLine> Leads(IEnumerable<LeadLine> leads) => [.. leads.OrderByDescending(l => l.RegisteredAt)];

    /// <summary>On the desk a case with a check due comes first, soonest first (002 §四5); then the newest.</summary>
    public static IReadOnlyList<CaseLine> DeskCases(IEnumerable<CaseLine> cases) =>
        [.. cases.OrderBy(c => c.NextCheck is null).ThenBy(c => c.NextCheck).ThenByDescending(c => c.OpenedAt)];

    public static IReadOnlyList<CaseLine> Cases(IEnumerable<CaseLine> cases) => [.. cases.OrderByDescending(c => c.OpenedAt)];

    /// <summary>Overdue first, then by due date.</summary>
    public static IReadOnlyList<TaskLine> Tasks(IEnumerable<TaskLine> tasks) => [.. tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueDate)];

    public static IReadOnlyList<TalkLine> Talks(IEnumerable<TalkLine> talks) => [.. talks.OrderByDescending(t => t.Scheduled)];
}
