package dk.trials.trial.service;

import dk.trials.trial.Design;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where two designs, or two monitoring plans, differ: for the audit trail of an edit or an amendment. */
final class DesignChanges {

    private DesignChanges() {
    }

    static List<String> fields(Design before, Design after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : Design.class.getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    /** Each part of the plan that differs, as "part before → after". */
    static List<String> monitoringPlan(Design.MonitoringPlan before, Design.MonitoringPlan after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : Design.MonitoringPlan.class.getRecordComponents()) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                changed.add(component.getName() + " " + was + " → " + is);
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, Record design) {
        try {
            return component.getAccessor().invoke(design);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + design.getClass(), e);
        }
    }
}
