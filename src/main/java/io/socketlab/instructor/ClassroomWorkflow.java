package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GitHub Classroom workflow of a handout ({@code .github/workflows/classroom.yml}): one
 * autograding test per exercise, worth the exercise's points, run with GitHub's command grader.
 * Each test grades a copy of the student's {@code exercises/} with the instructor's course (a
 * repository named by the {@code SOCKETLAB_COURSE_REPOSITORY} variable, checked out beside it), so
 * neither the student's {@code ./socketlab} nor their edited tests decide a grade; the command
 * passes only at full points ({@code grade --fail-under}), as the command grader gives all of a
 * test's points or none.
 */
public final class ClassroomWorkflow {
    /** Where the handout carries it. */
    public static final String PATH = ".github/workflows/classroom.yml";

    private ClassroomWorkflow() {
    }

    /** The step id of an exercise's test: letters and digits only, as the reporter's variable names want. */
    static String stepId(Exercise exercise) {
        return "exercise" + exercise.id().replaceAll("[^A-Za-z0-9]", "");
    }

    /** The workflow's text for {@code exercises}, in their order. */
    public static String of(List<Exercise> exercises) {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Written by ./socketlab release --classroom. Each exercise is graded by the instructor's
                # course (the repository in the SOCKETLAB_COURSE_REPOSITORY variable), never by the
                # ./socketlab or the tests of this repository. See docs/instructors.md, GitHub Classroom.
                name: Autograding Tests
                "on":
                  - push
                  - workflow_dispatch
                  - repository_dispatch
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    runs-on: ubuntu-latest
                    if: github.actor != 'github-classroom[bot]'
                    timeout-minutes: 30
                    steps:
                      - name: Refuse to grade without the instructor's course
                        env:
                          COURSE: ${{ vars.SOCKETLAB_COURSE_REPOSITORY }}
                        run: |
                          if [ -z "$COURSE" ]; then
                            echo "::error::Set the SOCKETLAB_COURSE_REPOSITORY variable to the instructor's course repository (owner/name)."
                            exit 1
                          fi
                      - name: Check out the submission
                        uses: actions/checkout@v4
                        with:
                          path: submission
                      - name: Check out the instructor's course
                        uses: actions/checkout@v4
                        with:
                          repository: ${{ vars.SOCKETLAB_COURSE_REPOSITORY }}
                          ref: ${{ vars.SOCKETLAB_COURSE_REF }}
                          token: ${{ secrets.SOCKETLAB_COURSE_TOKEN || github.token }}
                          path: course
                      - name: Set up Java
                        uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: "17"
                          cache: maven
                      - name: Build the grader and copy the submission's exercises
                        run: |
                          course/socketlab --course course list > /dev/null
                          mkdir -p students/student
                          cp -R submission/exercises students/student/exercises
                """);
        for (Exercise exercise : exercises) {
            y.append("      - name: ").append(exercise.id()).append('\n')
                    .append("        id: ").append(stepId(exercise)).append('\n')
                    .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                    .append("        with:\n")
                    .append("          test-name: ").append(exercise.id()).append('\n')
                    .append("          command: course/socketlab --course course grade --exercise ").append(exercise.id())
                    .append(" --out results/").append(exercise.id()).append(" --fail-under ").append(exercise.points())
                    .append(" students\n")
                    .append("          timeout: ").append(minutes(exercise)).append('\n')
                    .append("          max-score: ").append(exercise.points()).append('\n');
        }
        y.append("      - name: Autograding Reporter\n")
                .append("        uses: classroom-resources/autograding-grading-reporter@v1\n")
                .append("        env:\n");
        for (Exercise exercise : exercises) {
            String id = stepId(exercise);
            y.append("          ").append(id.toUpperCase(java.util.Locale.ROOT)).append("_RESULTS: \"${{steps.")
                    .append(id).append(".outputs.result}}\"\n");
        }
        y.append("        with:\n")
                .append("          runners: ").append(exercises.stream().map(ClassroomWorkflow::stepId).collect(Collectors.joining(","))).append('\n');
        return y.toString();
    }

    /** Minutes for the command grader: a run takes at most three times the exercise's limit, plus the JVM's start. */
    private static int minutes(Exercise exercise) {
        return Math.max(2, (exercise.timeoutSeconds() * 3 + 59) / 60 + 1);
    }
}
