using TalkBot.Domain.People;

namespace TalkBot.Domain.FollowUps;

/// <summary>What a viewer of a task may do on its card now.</summary>
public enum CaseTaskStep
{
    /// <summary>Nothing: the viewer reads the task.</summary>
    None,
    /// <summary>The assignee submits the material, or reports the office's step done.</summary>
    Submit,
    /// <summary>A reviewer accepts the submission or returns it (002 §五7: 责任人阅后交纪委办归档).</summary>
    Review,
}

/// <summary>
/// Who may see a follow-on task and what they may do with it (SPEC §6; 000 §四(四)1、4–5; 002 §四4, §五7): its assignee,
/// its reviewers and the office of the level of the lead or case it comes from. The person it is about sees only what
/// they owe.
/// </summary>
/// <remarks>
/// <c>officeOfOrigin</c> says whether the viewer is the office of the task's lead (<see cref="Leads.LeadAccess.IsOfficeOf"/>)
/// or case (<see cref="Admonishments.AdmonishmentAccess.IsOfficeOf"/>), which the caller reads from the task's origin.
/// </remarks>
public static class CaseTaskAccess
{
    public static bool CanView(Person viewer, CaseTask task, bool officeOfOrigin)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        return task.Assignee == viewer.Id || task.Reviewers.Contains(viewer.Id) || officeOfOrigin;
    }

    /// <summary>
    /// Written material is reviewed by the task's reviewers or the office of that level (002 §五7), never by the person
    /// who wrote it; the office's own steps are not reviewed.
    /// </summary>
    public static bool MayReview(Person viewer, CaseTask task, bool officeOfOrigin)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        return viewer.Active && viewer.Id != task.Subject && task.NeedsReview && (task.Reviewers.Contains(viewer.Id) || officeOfOrigin);
    }

    /// <summary>
    /// The task waits for <paramref name="person"/>: they owe it while it awaits a submission, or they review it while a
    /// submission waits for review (002 §五7). For their desk.
    /// </summary>
    public static bool WaitsFor(TaskListing task, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (task.Assignee == person && task.AwaitsSubmission) || (task.Reviewers.Contains(person) && task.Status == CaseTaskStatus.Submitted);
    }

    /// <summary>The assignee submits while the task awaits it; a reviewer reviews a submission that waits for review.</summary>
    public static CaseTaskStep StepFor(Person viewer, CaseTask task, bool officeOfOrigin)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        if (viewer.Id == task.Assignee)
        {
            return task.AwaitsSubmission ? CaseTaskStep.Submit : CaseTaskStep.None;
        }

        return MayReview(viewer, task, officeOfOrigin) && task.Status == CaseTaskStatus.Submitted ? CaseTaskStep.Review : CaseTaskStep.None;
    }
}
