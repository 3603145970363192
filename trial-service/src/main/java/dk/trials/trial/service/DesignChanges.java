package dk.trials.trial.service;

import dk.trials.trial.Design;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The top-level fields in which two designs differ, for the audit trail of an edit. */
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

    private static Object value(RecordComponent component, Design design) {
        try {
            return component.getAccessor().invoke(design);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a design", e);
        }
    }
}
