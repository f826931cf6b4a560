using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// 待办记录 / records: what the caller, as recorder or organiser, still has to do: talks held without a record, records
/// awaiting verification, and disputed ones to revise.
/// </summary>
public sealed class RecordTodo(TalkStore talks, RecordStore records, PeopleDirectory directory, WorkingCalendar calendar, TimeProvider time) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["待办记录", "records"];

    public string Verb => Verbs.RecordTodo;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        BuildAsync(request?.Actor!, request!.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        BuildAsync(request?.Actor!, request!.Locale, cancellationToken);

    private async Task<AdaptiveCard> BuildAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<RecordTodoItem>();
        foreach (var (talkId, relations) in await talks.ListTalksInvolvingAsync(actor.Id, cancellationToken).ConfigureAwait(false))
        {
            if (relations.Count == 0)
            {
                continue;
            }

            var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
            // A talk nobody came to (000 §四(五)1) has no record to log: its absences are recorded instead.
            if (talk is null || talk.Status == TalkStatus.Cancelled || talk.ScheduledAt > now || talk.EveryTalkeeAbsent
                || !RecordAccess.CanLog(actor, talk, people.Find(talk.Organiser)))
            {
                continue;
            }

            var stored = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
            var names = talk.Talkees.Select(people.Name).ToList();
            var scheduled = calendar.ToLocal(talk.ScheduledAt);
            switch (stored?.Record)
            {
                case null:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.NotLogged, []));
                    break;
                case { Status: RecordStatus.Disputed } r:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.Disputed,
                        [.. r.Current.Verifications.Where(v => v.Decision == VerificationDecision.Disputed).Select(v => people.Name(v.Talkee))]));
                    break;
                case { Status: RecordStatus.AwaitingVerification } r:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.AwaitingVerification,
                        [.. talk.Talkees.Where(t => r.Current.VerificationBy(t) is null).Select(people.Name)]));
                    break;
            }
        }

        return RecordTodoCard.Build(items, locale);
    }
}
