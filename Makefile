# Build targets for `sam build` (template.yaml: Metadata BuildMethod: makefile). SAM copies this folder to a
# scratch directory, runs `make build-<LogicalId>` there with ARTIFACTS_DIR set, and zips ARTIFACTS_DIR as the
# function's code. SAM's own Maven builder can't build one module of a multi-module project, so each target
# builds its module (and the modules it needs, -am) with the wrapper and lays out what the Java runtime loads:
# jars under lib/ are on its classpath (the root of the zip holds classes, not jars).
#
# Each function module shades its code and dependencies into target/<module>-lambda.jar.

MVNW ?= ./mvnw
MAVEN_FLAGS ?= -q -B

# $(call lambda-jar,<module>): build the module, then copy its deployment jar into ARTIFACTS_DIR/lib.
define lambda-jar
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	$(MVNW) $(MAVEN_FLAGS) -pl $(1) -am package -DskipTests
	@test -f $(1)/target/$(1)-lambda.jar || { echo "$(1)/target/$(1)-lambda.jar was not built: $(1)/pom.xml needs the shade configuration that writes it" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(1)/target/$(1)-lambda.jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-RedirectFunction build-CreateFunction build-ClickCountFunction build-ConsolePublisherFunction

build-RedirectFunction:
	$(call lambda-jar,redirect-function)

build-CreateFunction:
	$(call lambda-jar,create-function)

build-ClickCountFunction:
	$(call lambda-jar,click-count-function)

# The console's publisher: its jar carries the built console (the console module runs npm ci and the build).
build-ConsolePublisherFunction:
	$(call lambda-jar,console-publisher)
