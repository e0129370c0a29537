using Herald.Engine.Lanes;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>A broadcast batch's plan with the lane's turn before it: both count as acting, the earlier next time wins.</summary>
    private static WorkPlan WithLane(WorkPlan plan, LaneDrain turn)
    {
        if (turn.Sent == 0 && turn.NextAt is null)
        {
            return plan;
        }

        var next = plan.Fenced ? null : Earliest(plan.NextAt, turn.NextAt);
        return plan with { NextAt = next, Acted = plan.Acted + turn.Sent };
    }
}
