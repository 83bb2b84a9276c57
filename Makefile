# Build targets for `sam build` (template.yaml: Metadata.BuildMethod makefile, CodeUri: .).
# SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set; each target builds one function's shaded jar with the
# Maven wrapper and places it under lib/, where the Lambda Java runtime puts it on the class path.
# Tests run in `./mvnw verify`; sam build skips them.

MVNW ?= ./mvnw
MVN_FLAGS ?= -B -q -DskipTests

define build_function
	$(MVNW) $(MVN_FLAGS) -pl functions/$(1) -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/certguard-$(1).jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-ScanFunction build-UploadFunction build-ValidationPollFunction

build-ScanFunction:
	$(call build_function,scan)

build-UploadFunction:
	$(call build_function,upload)

build-ValidationPollFunction:
	$(call build_function,validation-poll)
