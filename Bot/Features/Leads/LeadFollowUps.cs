using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>
/// A reminder talk stored for a lead: the lead takes it, the talk names the lead, and its talkers are told the problem
/// before the talk (002 §五1), never who reported it (002 §五8). A second talk completes the office's 再次谈话 task
/// (000 §四(四)5).
/// </summary>
public sealed partial class LeadTalkAttach(LeadStore leads, TalkStore talks, TaskStore tasks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar,
    TimeProvider time, ILogger<LeadTalkAttach> logger) : IFollowUp<TalkScheduled>
{
    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Lead is not { } leadId || await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var lead = await Optimistic.RetryAsync<Lead?>(async () =>
        {
            if (await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return null;
            }

            if (!stored.Lead.Talks.Contains(talk.Id) && !stored.Lead.CanArrangeTalk)
            {
                // Closed, or given its talk, since the talk was arranged: the talk stays, unattached, and says so in the log.
                LogNotAttached(logger, talk.Id.Value, leadId.Value);
                return null;
            }

            if (stored.Lead.AttachTalk(talk.Id) && !await leads.SaveAsync(stored, stored.Lead.Dispositions.Count, cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            return stored.Lead;
        }, () => throw new InvalidOperationException($"Lead {leadId.Value} kept changing while talk {talk.Id.Value} was attached.")).ConfigureAwait(false);
        if (lead is null)
        {
            return;
        }

        await leads.LinkTalkAsync(talk.Id, lead.Id, cancellationToken).ConfigureAwait(false);
        if (lead.Talks.Count > 1)
        {
            await CompleteSecondTalkTasksAsync(lead, talk, cancellationToken).ConfigureAwait(false);
        }

        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        await messenger.TellEachAsync(talk.Talkers.Where(t => t != lead.Subject), (_, l) => LeadCard.Build(LeadViews.Briefing(lead, context,
            l.Pick("谈话前，请了解反映的问题（002 §五1）。", "Before the talk, please read the problem reported (002 §五1).")), l),
            cancellationToken, "brief|" + talk.Id.Value).ConfigureAwait(false);
    }

    // 000 §四(四)5: the office's 再次谈话 task is done once its organiser has arranged the second talk.
    private async Task CompleteSecondTalkTasksAsync(Lead lead, Talk talk, CancellationToken cancellationToken)
    {
        var open = (await tasks.ListAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Kind == CaseTaskKind.SecondTalk && t.AwaitsSubmission && t.Assignee == talk.Organiser);
        foreach (var task in open)
        {
            await Optimistic.RetryAsync<bool>(async () =>
            {
                var now = time.GetUtcNow();
                if (await tasks.GetAsync(task.Id, cancellationToken).ConfigureAwait(false) is { } stored
                    && stored.Task.Submit(talk.Organiser, $"已安排再次谈话：{DateText.DateTime(calendar.ToLocal(talk.ScheduledAt), Locale.ZhCn)}，{talk.Place}",
                        "talk|" + talk.Id.Value, calendar.LocalDate(now), now)
                    && !await tasks.SaveAsync(stored, stored.Task.Submissions.Count - 1, stored.Task.Reviews.Count, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }

                return true;
            }, () => false).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Talk {Talk} was arranged for lead {Lead}, which no longer takes a talk; left unattached")]
    private static partial void LogNotAttached(ILogger logger, string talk, string lead);
}

/// <summary>
/// A reminder talk's record is logged: the office that registered the lead and the talkers are asked to record what
/// follows it (000 §四(四)), once.
/// </summary>
public sealed class LeadDispositionRequest(LeadStore leads, TalkStore talks, PeopleDirectory directory, Messenger messenger) : IFollowUp<RecordLogged>
{
    public async Task RunAsync(RecordLogged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await leads.OfTalkAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } stored
            || await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var lead = stored.Lead;
        var subject = (await directory.FindAsync(lead.Subject, cancellationToken).ConfigureAwait(false))?.DisplayName ?? lead.Subject.Value;
        var ids = new Dictionary<string, string> { [DataKeys.LeadId] = lead.Id.Value };
        await messenger.TellEachAsync(talk.Talkers.Append(lead.RegisteredBy).Where(p => p != lead.Subject), (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("请记录谈后处置", "Record what follows the talk"),
            [l.Pick($"与{subject}的廉政提醒谈话已登记记录。请根据情况作出相应处理（000 §四(四)）。",
                $"The reminder talk with {subject} is recorded. Please record what follows it (000 §四(四)).")],
            false, Verbs.LeadDisposeForm, l.Pick("记录谈后处置", "Record dispositions"), ids), l),
            cancellationToken, "held|" + talk.Id.Value).ConfigureAwait(false);
    }
}
