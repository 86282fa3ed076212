package io.socketlab.grade;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Everything of a set of compiled classes that javac reads when it compiles other code against
 * them, as text: each class's kind, modifiers, annotations, type parameters, supertypes and
 * permitted subclasses, and each member's, with the signatures, thrown types and constant values,
 * nested classes and private members included. Method bodies are left out. Two compiles whose
 * texts are equal give the same class files for code compiled against them, as a build tool's
 * compile avoidance reasons: constants are inlined, so their values are part of the text.
 */
final class ApiText {
    private final Elements elements;
    /** Each top-level class's text by its binary name, so the order of javac's events does not count. */
    private final Map<String, String> classes = new TreeMap<>();

    ApiText(Elements elements) {
        this.elements = elements;
    }

    /** Adds a top-level class javac has analysed, with its nested classes. */
    synchronized void add(TypeElement type) {
        StringBuilder text = new StringBuilder();
        describe(type, text, "");
        classes.put(elements.getBinaryName(type).toString(), text.toString());
    }

    /** The classes added, one block each, in the order of their names. */
    synchronized String text() {
        StringBuilder all = new StringBuilder();
        classes.forEach((name, text) -> all.append(name).append('\n').append(text));
        return all.toString();
    }

    private void describe(Element element, StringBuilder text, String indent) {
        text.append(indent).append(element.getKind()).append(' ').append(element.getModifiers()).append(' ')
                .append(element.getSimpleName()).append(' ').append(element.getAnnotationMirrors());
        if (element instanceof TypeElement type) {
            text.append(" <").append(parameters(type.getTypeParameters())).append("> extends ").append(type.getSuperclass())
                    .append(" implements ").append(type.getInterfaces()).append(" permits ").append(type.getPermittedSubclasses());
        } else if (element instanceof ExecutableElement method) {
            text.append(" <").append(parameters(method.getTypeParameters())).append("> ").append(method.asType())
                    .append(" throws ").append(method.getThrownTypes()).append(method.isVarArgs() ? " varargs" : "")
                    .append(" default ").append(method.getDefaultValue());
            method.getParameters().forEach(p -> text.append(' ').append(p.getAnnotationMirrors()));
        } else if (element instanceof VariableElement field) {
            Object constant = field.getConstantValue();
            text.append(' ').append(field.asType()).append(constant == null ? "" : " = " + elements.getConstantExpression(constant));
        } else {
            text.append(' ').append(element.asType());
        }
        text.append('\n');
        if (element instanceof TypeElement) {
            for (Element member : element.getEnclosedElements()) {
                describe(member, text, indent + "  ");
            }
        }
    }

    private static String parameters(List<? extends TypeParameterElement> parameters) {
        StringBuilder text = new StringBuilder();
        for (TypeParameterElement parameter : parameters) {
            text.append(parameter.getSimpleName()).append(" extends ").append(parameter.getBounds()).append(';');
        }
        return text.toString();
    }
}
