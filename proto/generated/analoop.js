/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const analoop = $root.analoop = (() => {

    /**
     * Namespace analoop.
     * @exports analoop
     * @namespace
     */
    const analoop = {};

    analoop.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof analoop
         * @namespace
         */
        const v1 = {};

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} analoop.v1.Envelope.$Properties
             * @property {number|null} [requestId] Envelope requestId
             * @property {analoop.v1.Hello.$Properties|null} [hello] Envelope hello
             * @property {analoop.v1.DeviceInfo.$Properties|null} [deviceInfo] Envelope deviceInfo
             * @property {analoop.v1.ProgramWeights.$Properties|null} [programWeights] Envelope programWeights
             * @property {analoop.v1.ProgramAck.$Properties|null} [programAck] Envelope programAck
             * @property {analoop.v1.MatMulRequest.$Properties|null} [matmulRequest] Envelope matmulRequest
             * @property {analoop.v1.MatMulResult.$Properties|null} [matmulResult] Envelope matmulResult
             * @property {analoop.v1.Telemetry.$Properties|null} [telemetry] Envelope telemetry
             * @property {analoop.v1.ProbeRequest.$Properties|null} [probeRequest] Envelope probeRequest
             * @property {analoop.v1.ProbeResult.$Properties|null} [probeResult] Envelope probeResult
             * @property {analoop.v1.Ping.$Properties|null} [ping] Envelope ping
             * @property {analoop.v1.Pong.$Properties|null} [pong] Envelope pong
             * @property {analoop.v1.Reset.$Properties|null} [reset] Envelope reset
             * @property {analoop.v1.ResetAck.$Properties|null} [resetAck] Envelope resetAck
             * @property {analoop.v1.Error.$Properties|null} [error] Envelope error
             * @property {analoop.v1.TelemetryRequest.$Properties|null} [telemetryRequest] Envelope telemetryRequest
             * @property {"hello"|"deviceInfo"|"programWeights"|"programAck"|"matmulRequest"|"matmulResult"|"telemetry"|"probeRequest"|"probeResult"|"ping"|"pong"|"reset"|"resetAck"|"error"|"telemetryRequest"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof analoop.v1
             * @interface IEnvelope
             * @augments analoop.v1.Envelope.$Properties
             * @deprecated Use analoop.v1.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   requestId?: number|null;
             *   hello?: analoop.v1.Hello.$Shape|null;
             *   deviceInfo?: analoop.v1.DeviceInfo.$Shape|null;
             *   programWeights?: analoop.v1.ProgramWeights.$Shape|null;
             *   programAck?: analoop.v1.ProgramAck.$Shape|null;
             *   matmulRequest?: analoop.v1.MatMulRequest.$Shape|null;
             *   matmulResult?: analoop.v1.MatMulResult.$Shape|null;
             *   telemetry?: analoop.v1.Telemetry.$Shape|null;
             *   probeRequest?: analoop.v1.ProbeRequest.$Shape|null;
             *   probeResult?: analoop.v1.ProbeResult.$Shape|null;
             *   ping?: analoop.v1.Ping.$Shape|null;
             *   pong?: analoop.v1.Pong.$Shape|null;
             *   reset?: analoop.v1.Reset.$Shape|null;
             *   resetAck?: analoop.v1.ResetAck.$Shape|null;
             *   error?: analoop.v1.Error.$Shape|null;
             *   telemetryRequest?: analoop.v1.TelemetryRequest.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "hello"; hello: analoop.v1.Hello.$Shape; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "deviceInfo"; hello?: null; deviceInfo: analoop.v1.DeviceInfo.$Shape; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "programWeights"; hello?: null; deviceInfo?: null; programWeights: analoop.v1.ProgramWeights.$Shape; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "programAck"; hello?: null; deviceInfo?: null; programWeights?: null; programAck: analoop.v1.ProgramAck.$Shape; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "matmulRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest: analoop.v1.MatMulRequest.$Shape; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "matmulResult"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult: analoop.v1.MatMulResult.$Shape; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "telemetry"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry: analoop.v1.Telemetry.$Shape; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "probeRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest: analoop.v1.ProbeRequest.$Shape; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "probeResult"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult: analoop.v1.ProbeResult.$Shape; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "ping"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping: analoop.v1.Ping.$Shape; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "pong"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong: analoop.v1.Pong.$Shape; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "reset"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset: analoop.v1.Reset.$Shape; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "resetAck"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck: analoop.v1.ResetAck.$Shape; error?: null; telemetryRequest?: null }|{ body?: "error"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error: analoop.v1.Error.$Shape; telemetryRequest?: null }|{ body?: "telemetryRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest: analoop.v1.TelemetryRequest.$Shape })
             * )} analoop.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof analoop.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {analoop.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope requestId.
             * @member {number} requestId
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.requestId = 0;

            /**
             * Envelope hello.
             * @member {analoop.v1.Hello.$Properties|null|undefined} hello
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.hello = null;

            /**
             * Envelope deviceInfo.
             * @member {analoop.v1.DeviceInfo.$Properties|null|undefined} deviceInfo
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.deviceInfo = null;

            /**
             * Envelope programWeights.
             * @member {analoop.v1.ProgramWeights.$Properties|null|undefined} programWeights
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.programWeights = null;

            /**
             * Envelope programAck.
             * @member {analoop.v1.ProgramAck.$Properties|null|undefined} programAck
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.programAck = null;

            /**
             * Envelope matmulRequest.
             * @member {analoop.v1.MatMulRequest.$Properties|null|undefined} matmulRequest
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.matmulRequest = null;

            /**
             * Envelope matmulResult.
             * @member {analoop.v1.MatMulResult.$Properties|null|undefined} matmulResult
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.matmulResult = null;

            /**
             * Envelope telemetry.
             * @member {analoop.v1.Telemetry.$Properties|null|undefined} telemetry
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.telemetry = null;

            /**
             * Envelope probeRequest.
             * @member {analoop.v1.ProbeRequest.$Properties|null|undefined} probeRequest
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.probeRequest = null;

            /**
             * Envelope probeResult.
             * @member {analoop.v1.ProbeResult.$Properties|null|undefined} probeResult
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.probeResult = null;

            /**
             * Envelope ping.
             * @member {analoop.v1.Ping.$Properties|null|undefined} ping
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.ping = null;

            /**
             * Envelope pong.
             * @member {analoop.v1.Pong.$Properties|null|undefined} pong
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.pong = null;

            /**
             * Envelope reset.
             * @member {analoop.v1.Reset.$Properties|null|undefined} reset
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.reset = null;

            /**
             * Envelope resetAck.
             * @member {analoop.v1.ResetAck.$Properties|null|undefined} resetAck
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.resetAck = null;

            /**
             * Envelope error.
             * @member {analoop.v1.Error.$Properties|null|undefined} error
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.error = null;

            /**
             * Envelope telemetryRequest.
             * @member {analoop.v1.TelemetryRequest.$Properties|null|undefined} telemetryRequest
             * @memberof analoop.v1.Envelope
             * @instance
             */
            Envelope.prototype.telemetryRequest = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"hello"|"deviceInfo"|"programWeights"|"programAck"|"matmulRequest"|"matmulResult"|"telemetry"|"probeRequest"|"probeResult"|"ping"|"pong"|"reset"|"resetAck"|"error"|"telemetryRequest"|undefined} body
             * @memberof analoop.v1.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "deviceInfo", "programWeights", "programAck", "matmulRequest", "matmulResult", "telemetry", "probeRequest", "probeResult", "ping", "pong", "reset", "resetAck", "error", "telemetryRequest"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Envelope
             * @static
             * @param {analoop.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: analoop.v1.Envelope.$Shape): analoop.v1.Envelope & analoop.v1.Envelope.$Shape;
             *   (properties?: analoop.v1.Envelope.$Properties): analoop.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link analoop.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Envelope
             * @static
             * @param {analoop.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.requestId);
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.analoop.v1.Hello.encode(message.hello, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.deviceInfo != null && $Object.hasOwnProperty.call(message, "deviceInfo"))
                    $root.analoop.v1.DeviceInfo.encode(message.deviceInfo, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.programWeights != null && $Object.hasOwnProperty.call(message, "programWeights"))
                    $root.analoop.v1.ProgramWeights.encode(message.programWeights, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.programAck != null && $Object.hasOwnProperty.call(message, "programAck"))
                    $root.analoop.v1.ProgramAck.encode(message.programAck, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.matmulRequest != null && $Object.hasOwnProperty.call(message, "matmulRequest"))
                    $root.analoop.v1.MatMulRequest.encode(message.matmulRequest, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.matmulResult != null && $Object.hasOwnProperty.call(message, "matmulResult"))
                    $root.analoop.v1.MatMulResult.encode(message.matmulResult, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry"))
                    $root.analoop.v1.Telemetry.encode(message.telemetry, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.probeRequest != null && $Object.hasOwnProperty.call(message, "probeRequest"))
                    $root.analoop.v1.ProbeRequest.encode(message.probeRequest, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.probeResult != null && $Object.hasOwnProperty.call(message, "probeResult"))
                    $root.analoop.v1.ProbeResult.encode(message.probeResult, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.analoop.v1.Ping.encode(message.ping, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.analoop.v1.Pong.encode(message.pong, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.reset != null && $Object.hasOwnProperty.call(message, "reset"))
                    $root.analoop.v1.Reset.encode(message.reset, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.resetAck != null && $Object.hasOwnProperty.call(message, "resetAck"))
                    $root.analoop.v1.ResetAck.encode(message.resetAck, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.analoop.v1.Error.encode(message.error, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
                if (message.telemetryRequest != null && $Object.hasOwnProperty.call(message, "telemetryRequest"))
                    $root.analoop.v1.TelemetryRequest.encode(message.telemetryRequest, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link analoop.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Envelope
             * @static
             * @param {analoop.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Envelope & analoop.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.analoop.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.deviceInfo = $root.analoop.v1.DeviceInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.deviceInfo);
                            message.body = "deviceInfo";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.programWeights = $root.analoop.v1.ProgramWeights.decode(reader, reader.size(), $undefined, _depth + 1, message.programWeights);
                            message.body = "programWeights";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.programAck = $root.analoop.v1.ProgramAck.decode(reader, reader.size(), $undefined, _depth + 1, message.programAck);
                            message.body = "programAck";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.matmulRequest = $root.analoop.v1.MatMulRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.matmulRequest);
                            message.body = "matmulRequest";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.matmulResult = $root.analoop.v1.MatMulResult.decode(reader, reader.size(), $undefined, _depth + 1, message.matmulResult);
                            message.body = "matmulResult";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.telemetry = $root.analoop.v1.Telemetry.decode(reader, reader.size(), $undefined, _depth + 1, message.telemetry);
                            message.body = "telemetry";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.probeRequest = $root.analoop.v1.ProbeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.probeRequest);
                            message.body = "probeRequest";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.probeResult = $root.analoop.v1.ProbeResult.decode(reader, reader.size(), $undefined, _depth + 1, message.probeResult);
                            message.body = "probeResult";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.analoop.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.analoop.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.reset = $root.analoop.v1.Reset.decode(reader, reader.size(), $undefined, _depth + 1, message.reset);
                            message.body = "reset";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.resetAck = $root.analoop.v1.ResetAck.decode(reader, reader.size(), $undefined, _depth + 1, message.resetAck);
                            message.body = "resetAck";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.analoop.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            message.telemetryRequest = $root.analoop.v1.TelemetryRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.telemetryRequest);
                            message.body = "telemetryRequest";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Envelope & analoop.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof analoop.v1.Envelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isInteger(message.requestId))
                        return "requestId: integer expected";
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Hello.verify(message.hello, _depth + 1);
                        if (error)
                            return "hello." + error;
                    }
                }
                if (message.deviceInfo != null && $Object.hasOwnProperty.call(message, "deviceInfo")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.DeviceInfo.verify(message.deviceInfo, _depth + 1);
                        if (error)
                            return "deviceInfo." + error;
                    }
                }
                if (message.programWeights != null && $Object.hasOwnProperty.call(message, "programWeights")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.ProgramWeights.verify(message.programWeights, _depth + 1);
                        if (error)
                            return "programWeights." + error;
                    }
                }
                if (message.programAck != null && $Object.hasOwnProperty.call(message, "programAck")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.ProgramAck.verify(message.programAck, _depth + 1);
                        if (error)
                            return "programAck." + error;
                    }
                }
                if (message.matmulRequest != null && $Object.hasOwnProperty.call(message, "matmulRequest")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.MatMulRequest.verify(message.matmulRequest, _depth + 1);
                        if (error)
                            return "matmulRequest." + error;
                    }
                }
                if (message.matmulResult != null && $Object.hasOwnProperty.call(message, "matmulResult")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.MatMulResult.verify(message.matmulResult, _depth + 1);
                        if (error)
                            return "matmulResult." + error;
                    }
                }
                if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Telemetry.verify(message.telemetry, _depth + 1);
                        if (error)
                            return "telemetry." + error;
                    }
                }
                if (message.probeRequest != null && $Object.hasOwnProperty.call(message, "probeRequest")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.ProbeRequest.verify(message.probeRequest, _depth + 1);
                        if (error)
                            return "probeRequest." + error;
                    }
                }
                if (message.probeResult != null && $Object.hasOwnProperty.call(message, "probeResult")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.ProbeResult.verify(message.probeResult, _depth + 1);
                        if (error)
                            return "probeResult." + error;
                    }
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Ping.verify(message.ping, _depth + 1);
                        if (error)
                            return "ping." + error;
                    }
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Pong.verify(message.pong, _depth + 1);
                        if (error)
                            return "pong." + error;
                    }
                }
                if (message.reset != null && $Object.hasOwnProperty.call(message, "reset")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Reset.verify(message.reset, _depth + 1);
                        if (error)
                            return "reset." + error;
                    }
                }
                if (message.resetAck != null && $Object.hasOwnProperty.call(message, "resetAck")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.ResetAck.verify(message.resetAck, _depth + 1);
                        if (error)
                            return "resetAck." + error;
                    }
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.Error.verify(message.error, _depth + 1);
                        if (error)
                            return "error." + error;
                    }
                }
                if (message.telemetryRequest != null && $Object.hasOwnProperty.call(message, "telemetryRequest")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.analoop.v1.TelemetryRequest.verify(message.telemetryRequest, _depth + 1);
                        if (error)
                            return "telemetryRequest." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Envelope();
                if (object.requestId != null)
                    if ($Number(object.requestId) !== 0)
                        message.requestId = object.requestId >>> 0;
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".analoop.v1.Envelope.hello: object expected");
                    message.hello = $root.analoop.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.deviceInfo != null) {
                    if (!$util.isObject(object.deviceInfo))
                        throw $TypeError(".analoop.v1.Envelope.deviceInfo: object expected");
                    message.deviceInfo = $root.analoop.v1.DeviceInfo.fromObject(object.deviceInfo, _depth + 1);
                }
                if (object.programWeights != null) {
                    if (!$util.isObject(object.programWeights))
                        throw $TypeError(".analoop.v1.Envelope.programWeights: object expected");
                    message.programWeights = $root.analoop.v1.ProgramWeights.fromObject(object.programWeights, _depth + 1);
                }
                if (object.programAck != null) {
                    if (!$util.isObject(object.programAck))
                        throw $TypeError(".analoop.v1.Envelope.programAck: object expected");
                    message.programAck = $root.analoop.v1.ProgramAck.fromObject(object.programAck, _depth + 1);
                }
                if (object.matmulRequest != null) {
                    if (!$util.isObject(object.matmulRequest))
                        throw $TypeError(".analoop.v1.Envelope.matmulRequest: object expected");
                    message.matmulRequest = $root.analoop.v1.MatMulRequest.fromObject(object.matmulRequest, _depth + 1);
                }
                if (object.matmulResult != null) {
                    if (!$util.isObject(object.matmulResult))
                        throw $TypeError(".analoop.v1.Envelope.matmulResult: object expected");
                    message.matmulResult = $root.analoop.v1.MatMulResult.fromObject(object.matmulResult, _depth + 1);
                }
                if (object.telemetry != null) {
                    if (!$util.isObject(object.telemetry))
                        throw $TypeError(".analoop.v1.Envelope.telemetry: object expected");
                    message.telemetry = $root.analoop.v1.Telemetry.fromObject(object.telemetry, _depth + 1);
                }
                if (object.probeRequest != null) {
                    if (!$util.isObject(object.probeRequest))
                        throw $TypeError(".analoop.v1.Envelope.probeRequest: object expected");
                    message.probeRequest = $root.analoop.v1.ProbeRequest.fromObject(object.probeRequest, _depth + 1);
                }
                if (object.probeResult != null) {
                    if (!$util.isObject(object.probeResult))
                        throw $TypeError(".analoop.v1.Envelope.probeResult: object expected");
                    message.probeResult = $root.analoop.v1.ProbeResult.fromObject(object.probeResult, _depth + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw $TypeError(".analoop.v1.Envelope.ping: object expected");
                    message.ping = $root.analoop.v1.Ping.fromObject(object.ping, _depth + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw $TypeError(".analoop.v1.Envelope.pong: object expected");
                    message.pong = $root.analoop.v1.Pong.fromObject(object.pong, _depth + 1);
                }
                if (object.reset != null) {
                    if (!$util.isObject(object.reset))
                        throw $TypeError(".analoop.v1.Envelope.reset: object expected");
                    message.reset = $root.analoop.v1.Reset.fromObject(object.reset, _depth + 1);
                }
                if (object.resetAck != null) {
                    if (!$util.isObject(object.resetAck))
                        throw $TypeError(".analoop.v1.Envelope.resetAck: object expected");
                    message.resetAck = $root.analoop.v1.ResetAck.fromObject(object.resetAck, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".analoop.v1.Envelope.error: object expected");
                    message.error = $root.analoop.v1.Error.fromObject(object.error, _depth + 1);
                }
                if (object.telemetryRequest != null) {
                    if (!$util.isObject(object.telemetryRequest))
                        throw $TypeError(".analoop.v1.Envelope.telemetryRequest: object expected");
                    message.telemetryRequest = $root.analoop.v1.TelemetryRequest.fromObject(object.telemetryRequest, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Envelope
             * @static
             * @param {analoop.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.requestId = 0;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.analoop.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.deviceInfo != null && $Object.hasOwnProperty.call(message, "deviceInfo")) {
                    object.deviceInfo = $root.analoop.v1.DeviceInfo.toObject(message.deviceInfo, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deviceInfo";
                }
                if (message.programWeights != null && $Object.hasOwnProperty.call(message, "programWeights")) {
                    object.programWeights = $root.analoop.v1.ProgramWeights.toObject(message.programWeights, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "programWeights";
                }
                if (message.programAck != null && $Object.hasOwnProperty.call(message, "programAck")) {
                    object.programAck = $root.analoop.v1.ProgramAck.toObject(message.programAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "programAck";
                }
                if (message.matmulRequest != null && $Object.hasOwnProperty.call(message, "matmulRequest")) {
                    object.matmulRequest = $root.analoop.v1.MatMulRequest.toObject(message.matmulRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "matmulRequest";
                }
                if (message.matmulResult != null && $Object.hasOwnProperty.call(message, "matmulResult")) {
                    object.matmulResult = $root.analoop.v1.MatMulResult.toObject(message.matmulResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "matmulResult";
                }
                if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry")) {
                    object.telemetry = $root.analoop.v1.Telemetry.toObject(message.telemetry, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "telemetry";
                }
                if (message.probeRequest != null && $Object.hasOwnProperty.call(message, "probeRequest")) {
                    object.probeRequest = $root.analoop.v1.ProbeRequest.toObject(message.probeRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "probeRequest";
                }
                if (message.probeResult != null && $Object.hasOwnProperty.call(message, "probeResult")) {
                    object.probeResult = $root.analoop.v1.ProbeResult.toObject(message.probeResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "probeResult";
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.analoop.v1.Ping.toObject(message.ping, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.analoop.v1.Pong.toObject(message.pong, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                if (message.reset != null && $Object.hasOwnProperty.call(message, "reset")) {
                    object.reset = $root.analoop.v1.Reset.toObject(message.reset, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "reset";
                }
                if (message.resetAck != null && $Object.hasOwnProperty.call(message, "resetAck")) {
                    object.resetAck = $root.analoop.v1.ResetAck.toObject(message.resetAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "resetAck";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.analoop.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.telemetryRequest != null && $Object.hasOwnProperty.call(message, "telemetryRequest")) {
                    object.telemetryRequest = $root.analoop.v1.TelemetryRequest.toObject(message.telemetryRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "telemetryRequest";
                }
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof analoop.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof analoop.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} analoop.v1.Hello.$Properties
             * @property {number|null} [protocolVersion] Hello protocolVersion
             * @property {string|null} [host] Hello host
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof analoop.v1
             * @interface IHello
             * @augments analoop.v1.Hello.$Properties
             * @deprecated Use analoop.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {analoop.v1.Hello.$Properties} analoop.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof analoop.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {analoop.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello protocolVersion.
             * @member {number} protocolVersion
             * @memberof analoop.v1.Hello
             * @instance
             */
            Hello.prototype.protocolVersion = 0;

            /**
             * Hello host.
             * @member {string} host
             * @memberof analoop.v1.Hello
             * @instance
             */
            Hello.prototype.host = "";

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Hello
             * @static
             * @param {analoop.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Hello} Hello instance
             * @type {{
             *   (properties: analoop.v1.Hello.$Shape): analoop.v1.Hello & analoop.v1.Hello.$Shape;
             *   (properties?: analoop.v1.Hello.$Properties): analoop.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link analoop.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Hello
             * @static
             * @param {analoop.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.host);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link analoop.v1.Hello.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Hello
             * @static
             * @param {analoop.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Hello & analoop.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.host = value;
                            else
                                delete message.host;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Hello & analoop.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Hello message.
             * @function verify
             * @memberof analoop.v1.Hello
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hello.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    if (!$util.isString(message.host))
                        return "host: string expected";
                return null;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Hello} Hello
             */
            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Hello();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.host != null)
                    if (typeof object.host !== "string" || object.host.length)
                        message.host = $String(object.host);
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Hello
             * @static
             * @param {analoop.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.host = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    object.host = message.host;
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof analoop.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Hello
             * @function getTypeUrl
             * @memberof analoop.v1.Hello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Hello";
            };

            return Hello;
        })();

        /**
         * DeviceKind enum.
         * @name analoop.v1.DeviceKind
         * @enum {number}
         * @property {number} DEVICE_KIND_UNSPECIFIED=0 DEVICE_KIND_UNSPECIFIED value
         * @property {number} PHOTONIC=1 PHOTONIC value
         * @property {number} MEMRISTIVE=2 MEMRISTIVE value
         * @property {number} SIMULATED=3 SIMULATED value
         */
        v1.DeviceKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DEVICE_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PHOTONIC"] = 1;
            values[valuesById[2] = "MEMRISTIVE"] = 2;
            values[valuesById[3] = "SIMULATED"] = 3;
            return values;
        })();

        v1.Range = (function() {

            /**
             * Properties of a Range.
             * @typedef {Object} analoop.v1.Range.$Properties
             * @property {number|null} [lo] Range lo
             * @property {number|null} [hi] Range hi
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Range.
             * @memberof analoop.v1
             * @interface IRange
             * @augments analoop.v1.Range.$Properties
             * @deprecated Use analoop.v1.Range.$Properties instead.
             */

            /**
             * Shape of a Range.
             * @typedef {analoop.v1.Range.$Properties} analoop.v1.Range.$Shape
             */

            /**
             * Constructs a new Range.
             * @memberof analoop.v1
             * @classdesc Represents a Range.
             * @constructor
             * @param {analoop.v1.Range.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Range = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Range lo.
             * @member {number} lo
             * @memberof analoop.v1.Range
             * @instance
             */
            Range.prototype.lo = 0;

            /**
             * Range hi.
             * @member {number} hi
             * @memberof analoop.v1.Range
             * @instance
             */
            Range.prototype.hi = 0;

            /**
             * Creates a new Range instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Range
             * @static
             * @param {analoop.v1.Range.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Range} Range instance
             * @type {{
             *   (properties: analoop.v1.Range.$Shape): analoop.v1.Range & analoop.v1.Range.$Shape;
             *   (properties?: analoop.v1.Range.$Properties): analoop.v1.Range;
             * }}
             */
            Range.create = function(properties) {
                return new Range(properties);
            };

            /**
             * Encodes the specified Range message. Does not implicitly {@link analoop.v1.Range.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Range
             * @static
             * @param {analoop.v1.Range.$Properties} message Range message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Range.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.lo != null && $Object.hasOwnProperty.call(message, "lo") && !$Object.is(message.lo, 0))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.lo);
                if (message.hi != null && $Object.hasOwnProperty.call(message, "hi") && !$Object.is(message.hi, 0))
                    writer.uint32(/* id 2, wireType 5 =*/21).float(message.hi);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Range message, length delimited. Does not implicitly {@link analoop.v1.Range.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Range
             * @static
             * @param {analoop.v1.Range.$Properties} message Range message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Range.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Range message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Range
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Range & analoop.v1.Range.$Shape} Range
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Range.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Range();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.lo = value;
                            else
                                delete message.lo;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.hi = value;
                            else
                                delete message.hi;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Range message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Range
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Range & analoop.v1.Range.$Shape} Range
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Range.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Range message.
             * @function verify
             * @memberof analoop.v1.Range
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Range.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.lo != null && $Object.hasOwnProperty.call(message, "lo"))
                    if (typeof message.lo !== "number")
                        return "lo: number expected";
                if (message.hi != null && $Object.hasOwnProperty.call(message, "hi"))
                    if (typeof message.hi !== "number")
                        return "hi: number expected";
                return null;
            };

            /**
             * Creates a Range message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Range
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Range} Range
             */
            Range.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Range)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Range: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Range();
                if (object.lo != null)
                    if (!$Object.is($Number(object.lo), 0))
                        message.lo = $Number(object.lo);
                if (object.hi != null)
                    if (!$Object.is($Number(object.hi), 0))
                        message.hi = $Number(object.hi);
                return message;
            };

            /**
             * Creates a plain object from a Range message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Range
             * @static
             * @param {analoop.v1.Range} message Range
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Range.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.lo = 0;
                    object.hi = 0;
                }
                if (message.lo != null && $Object.hasOwnProperty.call(message, "lo"))
                    object.lo = options.json && !$isFinite(message.lo) ? $String(message.lo) : message.lo;
                if (message.hi != null && $Object.hasOwnProperty.call(message, "hi"))
                    object.hi = options.json && !$isFinite(message.hi) ? $String(message.hi) : message.hi;
                return object;
            };

            /**
             * Converts this Range to JSON.
             * @function toJSON
             * @memberof analoop.v1.Range
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Range.prototype.toJSON = function() {
                return Range.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Range
             * @function getTypeUrl
             * @memberof analoop.v1.Range
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Range.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Range";
            };

            return Range;
        })();

        v1.Converter = (function() {

            /**
             * Properties of a Converter.
             * @typedef {Object} analoop.v1.Converter.$Properties
             * @property {number|null} [bits] Converter bits
             * @property {number|null} [scale] Converter scale
             * @property {analoop.v1.Range.$Properties|null} [range] Converter range
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Converter.
             * @memberof analoop.v1
             * @interface IConverter
             * @augments analoop.v1.Converter.$Properties
             * @deprecated Use analoop.v1.Converter.$Properties instead.
             */

            /**
             * Shape of a Converter.
             * @typedef {analoop.v1.Converter.$Properties} analoop.v1.Converter.$Shape
             */

            /**
             * Constructs a new Converter.
             * @memberof analoop.v1
             * @classdesc Represents a Converter.
             * @constructor
             * @param {analoop.v1.Converter.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Converter = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Converter bits.
             * @member {number} bits
             * @memberof analoop.v1.Converter
             * @instance
             */
            Converter.prototype.bits = 0;

            /**
             * Converter scale.
             * @member {number} scale
             * @memberof analoop.v1.Converter
             * @instance
             */
            Converter.prototype.scale = 0;

            /**
             * Converter range.
             * @member {analoop.v1.Range.$Properties|null|undefined} range
             * @memberof analoop.v1.Converter
             * @instance
             */
            Converter.prototype.range = null;

            /**
             * Creates a new Converter instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Converter
             * @static
             * @param {analoop.v1.Converter.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Converter} Converter instance
             * @type {{
             *   (properties: analoop.v1.Converter.$Shape): analoop.v1.Converter & analoop.v1.Converter.$Shape;
             *   (properties?: analoop.v1.Converter.$Properties): analoop.v1.Converter;
             * }}
             */
            Converter.create = function(properties) {
                return new Converter(properties);
            };

            /**
             * Encodes the specified Converter message. Does not implicitly {@link analoop.v1.Converter.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Converter
             * @static
             * @param {analoop.v1.Converter.$Properties} message Converter message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Converter.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bits != null && $Object.hasOwnProperty.call(message, "bits") && message.bits !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.bits);
                if (message.scale != null && $Object.hasOwnProperty.call(message, "scale") && !$Object.is(message.scale, 0))
                    writer.uint32(/* id 2, wireType 5 =*/21).float(message.scale);
                if (message.range != null && $Object.hasOwnProperty.call(message, "range"))
                    $root.analoop.v1.Range.encode(message.range, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Converter message, length delimited. Does not implicitly {@link analoop.v1.Converter.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Converter
             * @static
             * @param {analoop.v1.Converter.$Properties} message Converter message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Converter.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Converter message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Converter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Converter & analoop.v1.Converter.$Shape} Converter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Converter.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Converter();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bits = value;
                            else
                                delete message.bits;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.scale = value;
                            else
                                delete message.scale;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.range = $root.analoop.v1.Range.decode(reader, reader.size(), $undefined, _depth + 1, message.range);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Converter message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Converter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Converter & analoop.v1.Converter.$Shape} Converter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Converter.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Converter message.
             * @function verify
             * @memberof analoop.v1.Converter
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Converter.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.bits != null && $Object.hasOwnProperty.call(message, "bits"))
                    if (!$util.isInteger(message.bits))
                        return "bits: integer expected";
                if (message.scale != null && $Object.hasOwnProperty.call(message, "scale"))
                    if (typeof message.scale !== "number")
                        return "scale: number expected";
                if (message.range != null && $Object.hasOwnProperty.call(message, "range")) {
                    let error = $root.analoop.v1.Range.verify(message.range, _depth + 1);
                    if (error)
                        return "range." + error;
                }
                return null;
            };

            /**
             * Creates a Converter message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Converter
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Converter} Converter
             */
            Converter.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Converter)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Converter: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Converter();
                if (object.bits != null)
                    if ($Number(object.bits) !== 0)
                        message.bits = object.bits >>> 0;
                if (object.scale != null)
                    if (!$Object.is($Number(object.scale), 0))
                        message.scale = $Number(object.scale);
                if (object.range != null) {
                    if (!$util.isObject(object.range))
                        throw $TypeError(".analoop.v1.Converter.range: object expected");
                    message.range = $root.analoop.v1.Range.fromObject(object.range, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Converter message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Converter
             * @static
             * @param {analoop.v1.Converter} message Converter
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Converter.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.bits = 0;
                    object.scale = 0;
                    object.range = null;
                }
                if (message.bits != null && $Object.hasOwnProperty.call(message, "bits"))
                    object.bits = message.bits;
                if (message.scale != null && $Object.hasOwnProperty.call(message, "scale"))
                    object.scale = options.json && !$isFinite(message.scale) ? $String(message.scale) : message.scale;
                if (message.range != null && $Object.hasOwnProperty.call(message, "range"))
                    object.range = $root.analoop.v1.Range.toObject(message.range, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Converter to JSON.
             * @function toJSON
             * @memberof analoop.v1.Converter
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Converter.prototype.toJSON = function() {
                return Converter.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Converter
             * @function getTypeUrl
             * @memberof analoop.v1.Converter
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Converter.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Converter";
            };

            return Converter;
        })();

        v1.DeviceInfo = (function() {

            /**
             * Properties of a DeviceInfo.
             * @typedef {Object} analoop.v1.DeviceInfo.$Properties
             * @property {number|null} [protocolVersion] DeviceInfo protocolVersion
             * @property {analoop.v1.DeviceKind|null} [kind] DeviceInfo kind
             * @property {string|null} [model] DeviceInfo model
             * @property {string|null} [firmware] DeviceInfo firmware
             * @property {string|null} [serial] DeviceInfo serial
             * @property {number|null} [rows] DeviceInfo rows
             * @property {number|null} [cols] DeviceInfo cols
             * @property {number|null} [tiles] DeviceInfo tiles
             * @property {analoop.v1.Converter.$Properties|null} [dac] DeviceInfo dac
             * @property {analoop.v1.Converter.$Properties|null} [adc] DeviceInfo adc
             * @property {analoop.v1.Converter.$Properties|null} [weight] DeviceInfo weight
             * @property {number|null} [maxBatch] DeviceInfo maxBatch
             * @property {number|null} [creditWindow] DeviceInfo creditWindow
             * @property {number|null} [conductanceMinUs] DeviceInfo conductanceMinUs
             * @property {number|null} [conductanceMaxUs] DeviceInfo conductanceMaxUs
             * @property {analoop.v1.InputConversion|null} [inputConversion] DeviceInfo inputConversion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeviceInfo.
             * @memberof analoop.v1
             * @interface IDeviceInfo
             * @augments analoop.v1.DeviceInfo.$Properties
             * @deprecated Use analoop.v1.DeviceInfo.$Properties instead.
             */

            /**
             * Shape of a DeviceInfo.
             * @typedef {analoop.v1.DeviceInfo.$Properties} analoop.v1.DeviceInfo.$Shape
             */

            /**
             * Constructs a new DeviceInfo.
             * @memberof analoop.v1
             * @classdesc Represents a DeviceInfo.
             * @constructor
             * @param {analoop.v1.DeviceInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeviceInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeviceInfo protocolVersion.
             * @member {number} protocolVersion
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.protocolVersion = 0;

            /**
             * DeviceInfo kind.
             * @member {analoop.v1.DeviceKind} kind
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.kind = 0;

            /**
             * DeviceInfo model.
             * @member {string} model
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.model = "";

            /**
             * DeviceInfo firmware.
             * @member {string} firmware
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.firmware = "";

            /**
             * DeviceInfo serial.
             * @member {string} serial
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.serial = "";

            /**
             * DeviceInfo rows.
             * @member {number} rows
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.rows = 0;

            /**
             * DeviceInfo cols.
             * @member {number} cols
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.cols = 0;

            /**
             * DeviceInfo tiles.
             * @member {number} tiles
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.tiles = 0;

            /**
             * DeviceInfo dac.
             * @member {analoop.v1.Converter.$Properties|null|undefined} dac
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.dac = null;

            /**
             * DeviceInfo adc.
             * @member {analoop.v1.Converter.$Properties|null|undefined} adc
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.adc = null;

            /**
             * DeviceInfo weight.
             * @member {analoop.v1.Converter.$Properties|null|undefined} weight
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.weight = null;

            /**
             * DeviceInfo maxBatch.
             * @member {number} maxBatch
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.maxBatch = 0;

            /**
             * DeviceInfo creditWindow.
             * @member {number} creditWindow
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.creditWindow = 0;

            /**
             * DeviceInfo conductanceMinUs.
             * @member {number} conductanceMinUs
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.conductanceMinUs = 0;

            /**
             * DeviceInfo conductanceMaxUs.
             * @member {number} conductanceMaxUs
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.conductanceMaxUs = 0;

            /**
             * DeviceInfo inputConversion.
             * @member {analoop.v1.InputConversion} inputConversion
             * @memberof analoop.v1.DeviceInfo
             * @instance
             */
            DeviceInfo.prototype.inputConversion = 0;

            /**
             * Creates a new DeviceInfo instance using the specified properties.
             * @function create
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {analoop.v1.DeviceInfo.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.DeviceInfo} DeviceInfo instance
             * @type {{
             *   (properties: analoop.v1.DeviceInfo.$Shape): analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape;
             *   (properties?: analoop.v1.DeviceInfo.$Properties): analoop.v1.DeviceInfo;
             * }}
             */
            DeviceInfo.create = function(properties) {
                return new DeviceInfo(properties);
            };

            /**
             * Encodes the specified DeviceInfo message. Does not implicitly {@link analoop.v1.DeviceInfo.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {analoop.v1.DeviceInfo.$Properties} message DeviceInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.model);
                if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware") && message.firmware !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.firmware);
                if (message.serial != null && $Object.hasOwnProperty.call(message, "serial") && message.serial !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.serial);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.rows);
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols") && message.cols !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.cols);
                if (message.tiles != null && $Object.hasOwnProperty.call(message, "tiles") && message.tiles !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.tiles);
                if (message.dac != null && $Object.hasOwnProperty.call(message, "dac"))
                    $root.analoop.v1.Converter.encode(message.dac, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.adc != null && $Object.hasOwnProperty.call(message, "adc"))
                    $root.analoop.v1.Converter.encode(message.adc, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight"))
                    $root.analoop.v1.Converter.encode(message.weight, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch") && message.maxBatch !== 0)
                    writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.maxBatch);
                if (message.creditWindow != null && $Object.hasOwnProperty.call(message, "creditWindow") && message.creditWindow !== 0)
                    writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.creditWindow);
                if (message.conductanceMinUs != null && $Object.hasOwnProperty.call(message, "conductanceMinUs") && !$Object.is(message.conductanceMinUs, 0))
                    writer.uint32(/* id 14, wireType 5 =*/117).float(message.conductanceMinUs);
                if (message.conductanceMaxUs != null && $Object.hasOwnProperty.call(message, "conductanceMaxUs") && !$Object.is(message.conductanceMaxUs, 0))
                    writer.uint32(/* id 15, wireType 5 =*/125).float(message.conductanceMaxUs);
                if (message.inputConversion != null && $Object.hasOwnProperty.call(message, "inputConversion") && message.inputConversion !== 0)
                    writer.uint32(/* id 16, wireType 0 =*/128).int32(message.inputConversion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeviceInfo message, length delimited. Does not implicitly {@link analoop.v1.DeviceInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {analoop.v1.DeviceInfo.$Properties} message DeviceInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeviceInfo message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape} DeviceInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.DeviceInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.firmware = value;
                            else
                                delete message.firmware;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.serial = value;
                            else
                                delete message.serial;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cols = value;
                            else
                                delete message.cols;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tiles = value;
                            else
                                delete message.tiles;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.dac = $root.analoop.v1.Converter.decode(reader, reader.size(), $undefined, _depth + 1, message.dac);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.adc = $root.analoop.v1.Converter.decode(reader, reader.size(), $undefined, _depth + 1, message.adc);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.weight = $root.analoop.v1.Converter.decode(reader, reader.size(), $undefined, _depth + 1, message.weight);
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxBatch = value;
                            else
                                delete message.maxBatch;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.creditWindow = value;
                            else
                                delete message.creditWindow;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.conductanceMinUs = value;
                            else
                                delete message.conductanceMinUs;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.conductanceMaxUs = value;
                            else
                                delete message.conductanceMaxUs;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.inputConversion = value;
                            else
                                delete message.inputConversion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeviceInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape} DeviceInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeviceInfo message.
             * @function verify
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeviceInfo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware"))
                    if (!$util.isString(message.firmware))
                        return "firmware: string expected";
                if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                    if (!$util.isString(message.serial))
                        return "serial: string expected";
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    if (!$util.isInteger(message.rows))
                        return "rows: integer expected";
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    if (!$util.isInteger(message.cols))
                        return "cols: integer expected";
                if (message.tiles != null && $Object.hasOwnProperty.call(message, "tiles"))
                    if (!$util.isInteger(message.tiles))
                        return "tiles: integer expected";
                if (message.dac != null && $Object.hasOwnProperty.call(message, "dac")) {
                    let error = $root.analoop.v1.Converter.verify(message.dac, _depth + 1);
                    if (error)
                        return "dac." + error;
                }
                if (message.adc != null && $Object.hasOwnProperty.call(message, "adc")) {
                    let error = $root.analoop.v1.Converter.verify(message.adc, _depth + 1);
                    if (error)
                        return "adc." + error;
                }
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight")) {
                    let error = $root.analoop.v1.Converter.verify(message.weight, _depth + 1);
                    if (error)
                        return "weight." + error;
                }
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch"))
                    if (!$util.isInteger(message.maxBatch))
                        return "maxBatch: integer expected";
                if (message.creditWindow != null && $Object.hasOwnProperty.call(message, "creditWindow"))
                    if (!$util.isInteger(message.creditWindow))
                        return "creditWindow: integer expected";
                if (message.conductanceMinUs != null && $Object.hasOwnProperty.call(message, "conductanceMinUs"))
                    if (typeof message.conductanceMinUs !== "number")
                        return "conductanceMinUs: number expected";
                if (message.conductanceMaxUs != null && $Object.hasOwnProperty.call(message, "conductanceMaxUs"))
                    if (typeof message.conductanceMaxUs !== "number")
                        return "conductanceMaxUs: number expected";
                if (message.inputConversion != null && $Object.hasOwnProperty.call(message, "inputConversion"))
                    if (typeof message.inputConversion !== "number" || (message.inputConversion | 0) !== message.inputConversion)
                        return "inputConversion: enum value expected";
                return null;
            };

            /**
             * Creates a DeviceInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.DeviceInfo} DeviceInfo
             */
            DeviceInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.DeviceInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.DeviceInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.DeviceInfo();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.analoop.v1.DeviceKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "DEVICE_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "PHOTONIC":
                    case 1:
                        message.kind = 1;
                        break;
                    case "MEMRISTIVE":
                    case 2:
                        message.kind = 2;
                        break;
                    case "SIMULATED":
                    case 3:
                        message.kind = 3;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.firmware != null)
                    if (typeof object.firmware !== "string" || object.firmware.length)
                        message.firmware = $String(object.firmware);
                if (object.serial != null)
                    if (typeof object.serial !== "string" || object.serial.length)
                        message.serial = $String(object.serial);
                if (object.rows != null)
                    if ($Number(object.rows) !== 0)
                        message.rows = object.rows >>> 0;
                if (object.cols != null)
                    if ($Number(object.cols) !== 0)
                        message.cols = object.cols >>> 0;
                if (object.tiles != null)
                    if ($Number(object.tiles) !== 0)
                        message.tiles = object.tiles >>> 0;
                if (object.dac != null) {
                    if (!$util.isObject(object.dac))
                        throw $TypeError(".analoop.v1.DeviceInfo.dac: object expected");
                    message.dac = $root.analoop.v1.Converter.fromObject(object.dac, _depth + 1);
                }
                if (object.adc != null) {
                    if (!$util.isObject(object.adc))
                        throw $TypeError(".analoop.v1.DeviceInfo.adc: object expected");
                    message.adc = $root.analoop.v1.Converter.fromObject(object.adc, _depth + 1);
                }
                if (object.weight != null) {
                    if (!$util.isObject(object.weight))
                        throw $TypeError(".analoop.v1.DeviceInfo.weight: object expected");
                    message.weight = $root.analoop.v1.Converter.fromObject(object.weight, _depth + 1);
                }
                if (object.maxBatch != null)
                    if ($Number(object.maxBatch) !== 0)
                        message.maxBatch = object.maxBatch >>> 0;
                if (object.creditWindow != null)
                    if ($Number(object.creditWindow) !== 0)
                        message.creditWindow = object.creditWindow >>> 0;
                if (object.conductanceMinUs != null)
                    if (!$Object.is($Number(object.conductanceMinUs), 0))
                        message.conductanceMinUs = $Number(object.conductanceMinUs);
                if (object.conductanceMaxUs != null)
                    if (!$Object.is($Number(object.conductanceMaxUs), 0))
                        message.conductanceMaxUs = $Number(object.conductanceMaxUs);
                if (object.inputConversion !== 0 && (typeof object.inputConversion !== "string" || $root.analoop.v1.InputConversion[object.inputConversion] !== 0))
                    switch (object.inputConversion) {
                    case "PER_ELEMENT":
                    case 0:
                        message.inputConversion = 0;
                        break;
                    case "PER_SOURCE":
                    case 1:
                        message.inputConversion = 1;
                        break;
                    default:
                        if (typeof object.inputConversion === "number" && (object.inputConversion | 0) === object.inputConversion)
                            message.inputConversion = object.inputConversion;
                    }
                return message;
            };

            /**
             * Creates a plain object from a DeviceInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {analoop.v1.DeviceInfo} message DeviceInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeviceInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.kind = options.enums === $String ? "DEVICE_KIND_UNSPECIFIED" : 0;
                    object.model = "";
                    object.firmware = "";
                    object.serial = "";
                    object.rows = 0;
                    object.cols = 0;
                    object.tiles = 0;
                    object.dac = null;
                    object.adc = null;
                    object.weight = null;
                    object.maxBatch = 0;
                    object.creditWindow = 0;
                    object.conductanceMinUs = 0;
                    object.conductanceMaxUs = 0;
                    object.inputConversion = options.enums === $String ? "PER_ELEMENT" : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.analoop.v1.DeviceKind[message.kind] === $undefined ? message.kind : $root.analoop.v1.DeviceKind[message.kind] : message.kind;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware"))
                    object.firmware = message.firmware;
                if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                    object.serial = message.serial;
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    object.rows = message.rows;
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    object.cols = message.cols;
                if (message.tiles != null && $Object.hasOwnProperty.call(message, "tiles"))
                    object.tiles = message.tiles;
                if (message.dac != null && $Object.hasOwnProperty.call(message, "dac"))
                    object.dac = $root.analoop.v1.Converter.toObject(message.dac, options, _depth + 1);
                if (message.adc != null && $Object.hasOwnProperty.call(message, "adc"))
                    object.adc = $root.analoop.v1.Converter.toObject(message.adc, options, _depth + 1);
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight"))
                    object.weight = $root.analoop.v1.Converter.toObject(message.weight, options, _depth + 1);
                if (message.maxBatch != null && $Object.hasOwnProperty.call(message, "maxBatch"))
                    object.maxBatch = message.maxBatch;
                if (message.creditWindow != null && $Object.hasOwnProperty.call(message, "creditWindow"))
                    object.creditWindow = message.creditWindow;
                if (message.conductanceMinUs != null && $Object.hasOwnProperty.call(message, "conductanceMinUs"))
                    object.conductanceMinUs = options.json && !$isFinite(message.conductanceMinUs) ? $String(message.conductanceMinUs) : message.conductanceMinUs;
                if (message.conductanceMaxUs != null && $Object.hasOwnProperty.call(message, "conductanceMaxUs"))
                    object.conductanceMaxUs = options.json && !$isFinite(message.conductanceMaxUs) ? $String(message.conductanceMaxUs) : message.conductanceMaxUs;
                if (message.inputConversion != null && $Object.hasOwnProperty.call(message, "inputConversion"))
                    object.inputConversion = options.enums === $String ? $root.analoop.v1.InputConversion[message.inputConversion] === $undefined ? message.inputConversion : $root.analoop.v1.InputConversion[message.inputConversion] : message.inputConversion;
                return object;
            };

            /**
             * Converts this DeviceInfo to JSON.
             * @function toJSON
             * @memberof analoop.v1.DeviceInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeviceInfo.prototype.toJSON = function() {
                return DeviceInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeviceInfo
             * @function getTypeUrl
             * @memberof analoop.v1.DeviceInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeviceInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.DeviceInfo";
            };

            return DeviceInfo;
        })();

        /**
         * InputConversion enum.
         * @name analoop.v1.InputConversion
         * @enum {number}
         * @property {number} PER_ELEMENT=0 PER_ELEMENT value
         * @property {number} PER_SOURCE=1 PER_SOURCE value
         */
        v1.InputConversion = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PER_ELEMENT"] = 0;
            values[valuesById[1] = "PER_SOURCE"] = 1;
            return values;
        })();

        v1.ProgramWeights = (function() {

            /**
             * Properties of a ProgramWeights.
             * @typedef {Object} analoop.v1.ProgramWeights.$Properties
             * @property {number|null} [tile] ProgramWeights tile
             * @property {number|null} [rows] ProgramWeights rows
             * @property {number|null} [cols] ProgramWeights cols
             * @property {Uint8Array|null} [codes] ProgramWeights codes
             * @property {boolean|null} [verify] ProgramWeights verify
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProgramWeights.
             * @memberof analoop.v1
             * @interface IProgramWeights
             * @augments analoop.v1.ProgramWeights.$Properties
             * @deprecated Use analoop.v1.ProgramWeights.$Properties instead.
             */

            /**
             * Shape of a ProgramWeights.
             * @typedef {analoop.v1.ProgramWeights.$Properties} analoop.v1.ProgramWeights.$Shape
             */

            /**
             * Constructs a new ProgramWeights.
             * @memberof analoop.v1
             * @classdesc Represents a ProgramWeights.
             * @constructor
             * @param {analoop.v1.ProgramWeights.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProgramWeights = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProgramWeights tile.
             * @member {number} tile
             * @memberof analoop.v1.ProgramWeights
             * @instance
             */
            ProgramWeights.prototype.tile = 0;

            /**
             * ProgramWeights rows.
             * @member {number} rows
             * @memberof analoop.v1.ProgramWeights
             * @instance
             */
            ProgramWeights.prototype.rows = 0;

            /**
             * ProgramWeights cols.
             * @member {number} cols
             * @memberof analoop.v1.ProgramWeights
             * @instance
             */
            ProgramWeights.prototype.cols = 0;

            /**
             * ProgramWeights codes.
             * @member {Uint8Array} codes
             * @memberof analoop.v1.ProgramWeights
             * @instance
             */
            ProgramWeights.prototype.codes = $util.newBuffer([]);

            /**
             * ProgramWeights verify.
             * @member {boolean} verify
             * @memberof analoop.v1.ProgramWeights
             * @instance
             */
            ProgramWeights.prototype.verify = false;

            /**
             * Creates a new ProgramWeights instance using the specified properties.
             * @function create
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {analoop.v1.ProgramWeights.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.ProgramWeights} ProgramWeights instance
             * @type {{
             *   (properties: analoop.v1.ProgramWeights.$Shape): analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape;
             *   (properties?: analoop.v1.ProgramWeights.$Properties): analoop.v1.ProgramWeights;
             * }}
             */
            ProgramWeights.create = function(properties) {
                return new ProgramWeights(properties);
            };

            /**
             * Encodes the specified ProgramWeights message. Does not implicitly {@link analoop.v1.ProgramWeights.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {analoop.v1.ProgramWeights.$Properties} message ProgramWeights message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProgramWeights.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.rows);
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols") && message.cols !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.cols);
                if (message.codes != null && $Object.hasOwnProperty.call(message, "codes") && message.codes.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.codes);
                if (message.verify != null && $Object.hasOwnProperty.call(message, "verify") && message.verify !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.verify);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProgramWeights message, length delimited. Does not implicitly {@link analoop.v1.ProgramWeights.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {analoop.v1.ProgramWeights.$Properties} message ProgramWeights message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProgramWeights.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProgramWeights message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape} ProgramWeights
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProgramWeights.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.ProgramWeights();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cols = value;
                            else
                                delete message.cols;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.codes = value;
                            else
                                delete message.codes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.verify = value;
                            else
                                delete message.verify;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProgramWeights message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape} ProgramWeights
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProgramWeights.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ProgramWeights message.
             * @function verify
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProgramWeights.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    if (!$util.isInteger(message.rows))
                        return "rows: integer expected";
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    if (!$util.isInteger(message.cols))
                        return "cols: integer expected";
                if (message.codes != null && $Object.hasOwnProperty.call(message, "codes"))
                    if (!(message.codes && typeof message.codes.length === "number" || $util.isString(message.codes)))
                        return "codes: buffer expected";
                if (message.verify != null && $Object.hasOwnProperty.call(message, "verify"))
                    if (typeof message.verify !== "boolean")
                        return "verify: boolean expected";
                return null;
            };

            /**
             * Creates a ProgramWeights message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.ProgramWeights} ProgramWeights
             */
            ProgramWeights.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.ProgramWeights)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.ProgramWeights: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.ProgramWeights();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.rows != null)
                    if ($Number(object.rows) !== 0)
                        message.rows = object.rows >>> 0;
                if (object.cols != null)
                    if ($Number(object.cols) !== 0)
                        message.cols = object.cols >>> 0;
                if (object.codes != null)
                    if (object.codes.length)
                        if (typeof object.codes === "string")
                            $util.base64.decode(object.codes, message.codes = $util.newBuffer($util.base64.length(object.codes)), 0);
                        else if (object.codes.length >= 0)
                            message.codes = object.codes;
                if (object.verify != null)
                    if (object.verify)
                        message.verify = $Boolean(object.verify);
                return message;
            };

            /**
             * Creates a plain object from a ProgramWeights message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {analoop.v1.ProgramWeights} message ProgramWeights
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProgramWeights.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tile = 0;
                    object.rows = 0;
                    object.cols = 0;
                    if (options.bytes === $String)
                        object.codes = "";
                    else {
                        object.codes = [];
                        if (options.bytes !== $Array)
                            object.codes = $util.newBuffer(object.codes);
                    }
                    object.verify = false;
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    object.rows = message.rows;
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    object.cols = message.cols;
                if (message.codes != null && $Object.hasOwnProperty.call(message, "codes"))
                    object.codes = options.bytes === $String ? $util.base64.encode(message.codes, 0, message.codes.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.codes) : message.codes;
                if (message.verify != null && $Object.hasOwnProperty.call(message, "verify"))
                    object.verify = message.verify;
                return object;
            };

            /**
             * Converts this ProgramWeights to JSON.
             * @function toJSON
             * @memberof analoop.v1.ProgramWeights
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProgramWeights.prototype.toJSON = function() {
                return ProgramWeights.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ProgramWeights
             * @function getTypeUrl
             * @memberof analoop.v1.ProgramWeights
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ProgramWeights.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.ProgramWeights";
            };

            return ProgramWeights;
        })();

        v1.ProgramAck = (function() {

            /**
             * Properties of a ProgramAck.
             * @typedef {Object} analoop.v1.ProgramAck.$Properties
             * @property {number|null} [tile] ProgramAck tile
             * @property {Uint8Array|null} [readback] ProgramAck readback
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProgramAck.
             * @memberof analoop.v1
             * @interface IProgramAck
             * @augments analoop.v1.ProgramAck.$Properties
             * @deprecated Use analoop.v1.ProgramAck.$Properties instead.
             */

            /**
             * Shape of a ProgramAck.
             * @typedef {analoop.v1.ProgramAck.$Properties} analoop.v1.ProgramAck.$Shape
             */

            /**
             * Constructs a new ProgramAck.
             * @memberof analoop.v1
             * @classdesc Represents a ProgramAck.
             * @constructor
             * @param {analoop.v1.ProgramAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProgramAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProgramAck tile.
             * @member {number} tile
             * @memberof analoop.v1.ProgramAck
             * @instance
             */
            ProgramAck.prototype.tile = 0;

            /**
             * ProgramAck readback.
             * @member {Uint8Array} readback
             * @memberof analoop.v1.ProgramAck
             * @instance
             */
            ProgramAck.prototype.readback = $util.newBuffer([]);

            /**
             * Creates a new ProgramAck instance using the specified properties.
             * @function create
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {analoop.v1.ProgramAck.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.ProgramAck} ProgramAck instance
             * @type {{
             *   (properties: analoop.v1.ProgramAck.$Shape): analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape;
             *   (properties?: analoop.v1.ProgramAck.$Properties): analoop.v1.ProgramAck;
             * }}
             */
            ProgramAck.create = function(properties) {
                return new ProgramAck(properties);
            };

            /**
             * Encodes the specified ProgramAck message. Does not implicitly {@link analoop.v1.ProgramAck.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {analoop.v1.ProgramAck.$Properties} message ProgramAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProgramAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.readback != null && $Object.hasOwnProperty.call(message, "readback") && message.readback.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.readback);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProgramAck message, length delimited. Does not implicitly {@link analoop.v1.ProgramAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {analoop.v1.ProgramAck.$Properties} message ProgramAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProgramAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProgramAck message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape} ProgramAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProgramAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.ProgramAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.readback = value;
                            else
                                delete message.readback;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProgramAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape} ProgramAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProgramAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ProgramAck message.
             * @function verify
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProgramAck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.readback != null && $Object.hasOwnProperty.call(message, "readback"))
                    if (!(message.readback && typeof message.readback.length === "number" || $util.isString(message.readback)))
                        return "readback: buffer expected";
                return null;
            };

            /**
             * Creates a ProgramAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.ProgramAck} ProgramAck
             */
            ProgramAck.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.ProgramAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.ProgramAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.ProgramAck();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.readback != null)
                    if (object.readback.length)
                        if (typeof object.readback === "string")
                            $util.base64.decode(object.readback, message.readback = $util.newBuffer($util.base64.length(object.readback)), 0);
                        else if (object.readback.length >= 0)
                            message.readback = object.readback;
                return message;
            };

            /**
             * Creates a plain object from a ProgramAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {analoop.v1.ProgramAck} message ProgramAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProgramAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tile = 0;
                    if (options.bytes === $String)
                        object.readback = "";
                    else {
                        object.readback = [];
                        if (options.bytes !== $Array)
                            object.readback = $util.newBuffer(object.readback);
                    }
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.readback != null && $Object.hasOwnProperty.call(message, "readback"))
                    object.readback = options.bytes === $String ? $util.base64.encode(message.readback, 0, message.readback.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.readback) : message.readback;
                return object;
            };

            /**
             * Converts this ProgramAck to JSON.
             * @function toJSON
             * @memberof analoop.v1.ProgramAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProgramAck.prototype.toJSON = function() {
                return ProgramAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ProgramAck
             * @function getTypeUrl
             * @memberof analoop.v1.ProgramAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ProgramAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.ProgramAck";
            };

            return ProgramAck;
        })();

        v1.MatMulRequest = (function() {

            /**
             * Properties of a MatMulRequest.
             * @typedef {Object} analoop.v1.MatMulRequest.$Properties
             * @property {number|null} [tile] MatMulRequest tile
             * @property {number|null} [batch] MatMulRequest batch
             * @property {number|null} [cols] MatMulRequest cols
             * @property {Uint8Array|null} [inputCodes] MatMulRequest inputCodes
             * @property {number|null} [draw] MatMulRequest draw
             * @property {number|null} [rowOffset] MatMulRequest rowOffset
             * @property {Array.<number>|null} [inputSource] MatMulRequest inputSource
             * @property {number|null} [sourceOffset] MatMulRequest sourceOffset
             * @property {number|null} [sourceTile] MatMulRequest sourceTile
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MatMulRequest.
             * @memberof analoop.v1
             * @interface IMatMulRequest
             * @augments analoop.v1.MatMulRequest.$Properties
             * @deprecated Use analoop.v1.MatMulRequest.$Properties instead.
             */

            /**
             * Shape of a MatMulRequest.
             * @typedef {analoop.v1.MatMulRequest.$Properties} analoop.v1.MatMulRequest.$Shape
             */

            /**
             * Constructs a new MatMulRequest.
             * @memberof analoop.v1
             * @classdesc Represents a MatMulRequest.
             * @constructor
             * @param {analoop.v1.MatMulRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MatMulRequest = function (properties) {
                this.inputSource = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MatMulRequest tile.
             * @member {number} tile
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.tile = 0;

            /**
             * MatMulRequest batch.
             * @member {number} batch
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.batch = 0;

            /**
             * MatMulRequest cols.
             * @member {number} cols
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.cols = 0;

            /**
             * MatMulRequest inputCodes.
             * @member {Uint8Array} inputCodes
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.inputCodes = $util.newBuffer([]);

            /**
             * MatMulRequest draw.
             * @member {number} draw
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.draw = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * MatMulRequest rowOffset.
             * @member {number} rowOffset
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.rowOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * MatMulRequest inputSource.
             * @member {Array.<number>} inputSource
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.inputSource = $util.emptyArray;

            /**
             * MatMulRequest sourceOffset.
             * @member {number} sourceOffset
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.sourceOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * MatMulRequest sourceTile.
             * @member {number|null|undefined} sourceTile
             * @memberof analoop.v1.MatMulRequest
             * @instance
             */
            MatMulRequest.prototype.sourceTile = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(MatMulRequest.prototype, "_sourceTile", {
                get: $util.oneOfGetter($oneOfFields = ["sourceTile"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new MatMulRequest instance using the specified properties.
             * @function create
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {analoop.v1.MatMulRequest.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.MatMulRequest} MatMulRequest instance
             * @type {{
             *   (properties: analoop.v1.MatMulRequest.$Shape): analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape;
             *   (properties?: analoop.v1.MatMulRequest.$Properties): analoop.v1.MatMulRequest;
             * }}
             */
            MatMulRequest.create = function(properties) {
                return new MatMulRequest(properties);
            };

            /**
             * Encodes the specified MatMulRequest message. Does not implicitly {@link analoop.v1.MatMulRequest.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {analoop.v1.MatMulRequest.$Properties} message MatMulRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MatMulRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch") && message.batch !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.batch);
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols") && message.cols !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.cols);
                if (message.inputCodes != null && $Object.hasOwnProperty.call(message, "inputCodes") && message.inputCodes.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.inputCodes);
                if (message.draw != null && $Object.hasOwnProperty.call(message, "draw") && (typeof message.draw === "object" ? message.draw.low || message.draw.high : message.draw !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.draw);
                if (message.rowOffset != null && $Object.hasOwnProperty.call(message, "rowOffset") && (typeof message.rowOffset === "object" ? message.rowOffset.low || message.rowOffset.high : message.rowOffset !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.rowOffset);
                if (message.inputSource != null && message.inputSource.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).sint32s(message.inputSource);
                if (message.sourceOffset != null && $Object.hasOwnProperty.call(message, "sourceOffset") && (typeof message.sourceOffset === "object" ? message.sourceOffset.low || message.sourceOffset.high : message.sourceOffset !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.sourceOffset);
                if (message.sourceTile != null && $Object.hasOwnProperty.call(message, "sourceTile"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.sourceTile);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified MatMulRequest message, length delimited. Does not implicitly {@link analoop.v1.MatMulRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {analoop.v1.MatMulRequest.$Properties} message MatMulRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MatMulRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a MatMulRequest message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape} MatMulRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MatMulRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.MatMulRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.batch = value;
                            else
                                delete message.batch;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cols = value;
                            else
                                delete message.cols;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.inputCodes = value;
                            else
                                delete message.inputCodes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.draw = value;
                            else
                                delete message.draw;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.rowOffset = value;
                            else
                                delete message.rowOffset;
                            continue;
                        }
                    case 7: {
                            if (wireType === 2) {
                                if (!(message.inputSource && message.inputSource.length))
                                    message.inputSource = [];
                                reader.sint32s(message.inputSource);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.inputSource && message.inputSource.length))
                                message.inputSource = [];
                            message.inputSource.push(reader.sint32());
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sourceOffset = value;
                            else
                                delete message.sourceOffset;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            message.sourceTile = reader.uint32();
                            message._sourceTile = "sourceTile";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a MatMulRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape} MatMulRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MatMulRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a MatMulRequest message.
             * @function verify
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            MatMulRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    if (!$util.isInteger(message.batch))
                        return "batch: integer expected";
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    if (!$util.isInteger(message.cols))
                        return "cols: integer expected";
                if (message.inputCodes != null && $Object.hasOwnProperty.call(message, "inputCodes"))
                    if (!(message.inputCodes && typeof message.inputCodes.length === "number" || $util.isString(message.inputCodes)))
                        return "inputCodes: buffer expected";
                if (message.draw != null && $Object.hasOwnProperty.call(message, "draw"))
                    if (!$util.isInteger(message.draw) && !(message.draw && $util.isInteger(message.draw.low) && $util.isInteger(message.draw.high)))
                        return "draw: integer|Long expected";
                if (message.rowOffset != null && $Object.hasOwnProperty.call(message, "rowOffset"))
                    if (!$util.isInteger(message.rowOffset) && !(message.rowOffset && $util.isInteger(message.rowOffset.low) && $util.isInteger(message.rowOffset.high)))
                        return "rowOffset: integer|Long expected";
                if (message.inputSource != null && $Object.hasOwnProperty.call(message, "inputSource")) {
                    if (!$Array.isArray(message.inputSource))
                        return "inputSource: array expected";
                    for (let i = 0; i < message.inputSource.length; ++i)
                        if (!$util.isInteger(message.inputSource[i]))
                            return "inputSource: integer[] expected";
                }
                if (message.sourceOffset != null && $Object.hasOwnProperty.call(message, "sourceOffset"))
                    if (!$util.isInteger(message.sourceOffset) && !(message.sourceOffset && $util.isInteger(message.sourceOffset.low) && $util.isInteger(message.sourceOffset.high)))
                        return "sourceOffset: integer|Long expected";
                if (message.sourceTile != null && $Object.hasOwnProperty.call(message, "sourceTile")) {
                    properties._sourceTile = 1;
                    if (!$util.isInteger(message.sourceTile))
                        return "sourceTile: integer expected";
                }
                return null;
            };

            /**
             * Creates a MatMulRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.MatMulRequest} MatMulRequest
             */
            MatMulRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.MatMulRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.MatMulRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.MatMulRequest();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.batch != null)
                    if ($Number(object.batch) !== 0)
                        message.batch = object.batch >>> 0;
                if (object.cols != null)
                    if ($Number(object.cols) !== 0)
                        message.cols = object.cols >>> 0;
                if (object.inputCodes != null)
                    if (object.inputCodes.length)
                        if (typeof object.inputCodes === "string")
                            $util.base64.decode(object.inputCodes, message.inputCodes = $util.newBuffer($util.base64.length(object.inputCodes)), 0);
                        else if (object.inputCodes.length >= 0)
                            message.inputCodes = object.inputCodes;
                if (object.draw != null)
                    if (typeof object.draw === "object" ? object.draw.low || object.draw.high : $Number(object.draw) !== 0)
                        if ($util.Long)
                            message.draw = $util.Long.fromValue(object.draw, true);
                        else if (typeof object.draw === "string")
                            message.draw = $parseInt(object.draw, 10);
                        else if (typeof object.draw === "number")
                            message.draw = object.draw;
                        else if (typeof object.draw === "object")
                            message.draw = new $util.LongBits(object.draw.low >>> 0, object.draw.high >>> 0).toNumber(true);
                if (object.rowOffset != null)
                    if (typeof object.rowOffset === "object" ? object.rowOffset.low || object.rowOffset.high : $Number(object.rowOffset) !== 0)
                        if ($util.Long)
                            message.rowOffset = $util.Long.fromValue(object.rowOffset, true);
                        else if (typeof object.rowOffset === "string")
                            message.rowOffset = $parseInt(object.rowOffset, 10);
                        else if (typeof object.rowOffset === "number")
                            message.rowOffset = object.rowOffset;
                        else if (typeof object.rowOffset === "object")
                            message.rowOffset = new $util.LongBits(object.rowOffset.low >>> 0, object.rowOffset.high >>> 0).toNumber(true);
                if (object.inputSource) {
                    if (!$Array.isArray(object.inputSource))
                        throw $TypeError(".analoop.v1.MatMulRequest.inputSource: array expected");
                    message.inputSource = $Array(object.inputSource.length);
                    for (let i = 0; i < object.inputSource.length; ++i)
                        message.inputSource[i] = object.inputSource[i] | 0;
                }
                if (object.sourceOffset != null)
                    if (typeof object.sourceOffset === "object" ? object.sourceOffset.low || object.sourceOffset.high : $Number(object.sourceOffset) !== 0)
                        if ($util.Long)
                            message.sourceOffset = $util.Long.fromValue(object.sourceOffset, true);
                        else if (typeof object.sourceOffset === "string")
                            message.sourceOffset = $parseInt(object.sourceOffset, 10);
                        else if (typeof object.sourceOffset === "number")
                            message.sourceOffset = object.sourceOffset;
                        else if (typeof object.sourceOffset === "object")
                            message.sourceOffset = new $util.LongBits(object.sourceOffset.low >>> 0, object.sourceOffset.high >>> 0).toNumber(true);
                if (object.sourceTile != null)
                    message.sourceTile = object.sourceTile >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a MatMulRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {analoop.v1.MatMulRequest} message MatMulRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MatMulRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.inputSource = [];
                if (options.defaults) {
                    object.tile = 0;
                    object.batch = 0;
                    object.cols = 0;
                    if (options.bytes === $String)
                        object.inputCodes = "";
                    else {
                        object.inputCodes = [];
                        if (options.bytes !== $Array)
                            object.inputCodes = $util.newBuffer(object.inputCodes);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.draw = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.draw = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.rowOffset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.rowOffset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sourceOffset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sourceOffset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    object.batch = message.batch;
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    object.cols = message.cols;
                if (message.inputCodes != null && $Object.hasOwnProperty.call(message, "inputCodes"))
                    object.inputCodes = options.bytes === $String ? $util.base64.encode(message.inputCodes, 0, message.inputCodes.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.inputCodes) : message.inputCodes;
                if (message.draw != null && $Object.hasOwnProperty.call(message, "draw"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.draw = typeof message.draw === "number" ? $BigInt(message.draw) : $util.Long.fromBits(message.draw.low >>> 0, message.draw.high >>> 0, true).toBigInt();
                    else if (typeof message.draw === "number")
                        object.draw = options.longs === $String ? $String(message.draw) : message.draw;
                    else
                        object.draw = options.longs === $String ? $util.Long.prototype.toString.call(message.draw) : options.longs === $Number ? new $util.LongBits(message.draw.low >>> 0, message.draw.high >>> 0).toNumber(true) : message.draw;
                if (message.rowOffset != null && $Object.hasOwnProperty.call(message, "rowOffset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.rowOffset = typeof message.rowOffset === "number" ? $BigInt(message.rowOffset) : $util.Long.fromBits(message.rowOffset.low >>> 0, message.rowOffset.high >>> 0, true).toBigInt();
                    else if (typeof message.rowOffset === "number")
                        object.rowOffset = options.longs === $String ? $String(message.rowOffset) : message.rowOffset;
                    else
                        object.rowOffset = options.longs === $String ? $util.Long.prototype.toString.call(message.rowOffset) : options.longs === $Number ? new $util.LongBits(message.rowOffset.low >>> 0, message.rowOffset.high >>> 0).toNumber(true) : message.rowOffset;
                if (message.inputSource && message.inputSource.length) {
                    object.inputSource = $Array(message.inputSource.length);
                    for (let j = 0; j < message.inputSource.length; ++j)
                        object.inputSource[j] = message.inputSource[j];
                }
                if (message.sourceOffset != null && $Object.hasOwnProperty.call(message, "sourceOffset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sourceOffset = typeof message.sourceOffset === "number" ? $BigInt(message.sourceOffset) : $util.Long.fromBits(message.sourceOffset.low >>> 0, message.sourceOffset.high >>> 0, true).toBigInt();
                    else if (typeof message.sourceOffset === "number")
                        object.sourceOffset = options.longs === $String ? $String(message.sourceOffset) : message.sourceOffset;
                    else
                        object.sourceOffset = options.longs === $String ? $util.Long.prototype.toString.call(message.sourceOffset) : options.longs === $Number ? new $util.LongBits(message.sourceOffset.low >>> 0, message.sourceOffset.high >>> 0).toNumber(true) : message.sourceOffset;
                if (message.sourceTile != null && $Object.hasOwnProperty.call(message, "sourceTile"))
                    object.sourceTile = message.sourceTile;
                return object;
            };

            /**
             * Converts this MatMulRequest to JSON.
             * @function toJSON
             * @memberof analoop.v1.MatMulRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MatMulRequest.prototype.toJSON = function() {
                return MatMulRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for MatMulRequest
             * @function getTypeUrl
             * @memberof analoop.v1.MatMulRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MatMulRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.MatMulRequest";
            };

            return MatMulRequest;
        })();

        v1.MatMulResult = (function() {

            /**
             * Properties of a MatMulResult.
             * @typedef {Object} analoop.v1.MatMulResult.$Properties
             * @property {number|null} [tile] MatMulResult tile
             * @property {number|null} [batch] MatMulResult batch
             * @property {number|null} [rows] MatMulResult rows
             * @property {Uint8Array|null} [outputCodes] MatMulResult outputCodes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MatMulResult.
             * @memberof analoop.v1
             * @interface IMatMulResult
             * @augments analoop.v1.MatMulResult.$Properties
             * @deprecated Use analoop.v1.MatMulResult.$Properties instead.
             */

            /**
             * Shape of a MatMulResult.
             * @typedef {analoop.v1.MatMulResult.$Properties} analoop.v1.MatMulResult.$Shape
             */

            /**
             * Constructs a new MatMulResult.
             * @memberof analoop.v1
             * @classdesc Represents a MatMulResult.
             * @constructor
             * @param {analoop.v1.MatMulResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MatMulResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MatMulResult tile.
             * @member {number} tile
             * @memberof analoop.v1.MatMulResult
             * @instance
             */
            MatMulResult.prototype.tile = 0;

            /**
             * MatMulResult batch.
             * @member {number} batch
             * @memberof analoop.v1.MatMulResult
             * @instance
             */
            MatMulResult.prototype.batch = 0;

            /**
             * MatMulResult rows.
             * @member {number} rows
             * @memberof analoop.v1.MatMulResult
             * @instance
             */
            MatMulResult.prototype.rows = 0;

            /**
             * MatMulResult outputCodes.
             * @member {Uint8Array} outputCodes
             * @memberof analoop.v1.MatMulResult
             * @instance
             */
            MatMulResult.prototype.outputCodes = $util.newBuffer([]);

            /**
             * Creates a new MatMulResult instance using the specified properties.
             * @function create
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {analoop.v1.MatMulResult.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.MatMulResult} MatMulResult instance
             * @type {{
             *   (properties: analoop.v1.MatMulResult.$Shape): analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape;
             *   (properties?: analoop.v1.MatMulResult.$Properties): analoop.v1.MatMulResult;
             * }}
             */
            MatMulResult.create = function(properties) {
                return new MatMulResult(properties);
            };

            /**
             * Encodes the specified MatMulResult message. Does not implicitly {@link analoop.v1.MatMulResult.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {analoop.v1.MatMulResult.$Properties} message MatMulResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MatMulResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch") && message.batch !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.batch);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.rows);
                if (message.outputCodes != null && $Object.hasOwnProperty.call(message, "outputCodes") && message.outputCodes.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.outputCodes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified MatMulResult message, length delimited. Does not implicitly {@link analoop.v1.MatMulResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {analoop.v1.MatMulResult.$Properties} message MatMulResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MatMulResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a MatMulResult message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape} MatMulResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MatMulResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.MatMulResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.batch = value;
                            else
                                delete message.batch;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.outputCodes = value;
                            else
                                delete message.outputCodes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a MatMulResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape} MatMulResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MatMulResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a MatMulResult message.
             * @function verify
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            MatMulResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    if (!$util.isInteger(message.batch))
                        return "batch: integer expected";
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    if (!$util.isInteger(message.rows))
                        return "rows: integer expected";
                if (message.outputCodes != null && $Object.hasOwnProperty.call(message, "outputCodes"))
                    if (!(message.outputCodes && typeof message.outputCodes.length === "number" || $util.isString(message.outputCodes)))
                        return "outputCodes: buffer expected";
                return null;
            };

            /**
             * Creates a MatMulResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.MatMulResult} MatMulResult
             */
            MatMulResult.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.MatMulResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.MatMulResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.MatMulResult();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.batch != null)
                    if ($Number(object.batch) !== 0)
                        message.batch = object.batch >>> 0;
                if (object.rows != null)
                    if ($Number(object.rows) !== 0)
                        message.rows = object.rows >>> 0;
                if (object.outputCodes != null)
                    if (object.outputCodes.length)
                        if (typeof object.outputCodes === "string")
                            $util.base64.decode(object.outputCodes, message.outputCodes = $util.newBuffer($util.base64.length(object.outputCodes)), 0);
                        else if (object.outputCodes.length >= 0)
                            message.outputCodes = object.outputCodes;
                return message;
            };

            /**
             * Creates a plain object from a MatMulResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {analoop.v1.MatMulResult} message MatMulResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MatMulResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tile = 0;
                    object.batch = 0;
                    object.rows = 0;
                    if (options.bytes === $String)
                        object.outputCodes = "";
                    else {
                        object.outputCodes = [];
                        if (options.bytes !== $Array)
                            object.outputCodes = $util.newBuffer(object.outputCodes);
                    }
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    object.batch = message.batch;
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    object.rows = message.rows;
                if (message.outputCodes != null && $Object.hasOwnProperty.call(message, "outputCodes"))
                    object.outputCodes = options.bytes === $String ? $util.base64.encode(message.outputCodes, 0, message.outputCodes.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.outputCodes) : message.outputCodes;
                return object;
            };

            /**
             * Converts this MatMulResult to JSON.
             * @function toJSON
             * @memberof analoop.v1.MatMulResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MatMulResult.prototype.toJSON = function() {
                return MatMulResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for MatMulResult
             * @function getTypeUrl
             * @memberof analoop.v1.MatMulResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MatMulResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.MatMulResult";
            };

            return MatMulResult;
        })();

        v1.TelemetryRequest = (function() {

            /**
             * Properties of a TelemetryRequest.
             * @typedef {Object} analoop.v1.TelemetryRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TelemetryRequest.
             * @memberof analoop.v1
             * @interface ITelemetryRequest
             * @augments analoop.v1.TelemetryRequest.$Properties
             * @deprecated Use analoop.v1.TelemetryRequest.$Properties instead.
             */

            /**
             * Shape of a TelemetryRequest.
             * @typedef {analoop.v1.TelemetryRequest.$Properties} analoop.v1.TelemetryRequest.$Shape
             */

            /**
             * Constructs a new TelemetryRequest.
             * @memberof analoop.v1
             * @classdesc Represents a TelemetryRequest.
             * @constructor
             * @param {analoop.v1.TelemetryRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TelemetryRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new TelemetryRequest instance using the specified properties.
             * @function create
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {analoop.v1.TelemetryRequest.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.TelemetryRequest} TelemetryRequest instance
             * @type {{
             *   (properties: analoop.v1.TelemetryRequest.$Shape): analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape;
             *   (properties?: analoop.v1.TelemetryRequest.$Properties): analoop.v1.TelemetryRequest;
             * }}
             */
            TelemetryRequest.create = function(properties) {
                return new TelemetryRequest(properties);
            };

            /**
             * Encodes the specified TelemetryRequest message. Does not implicitly {@link analoop.v1.TelemetryRequest.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {analoop.v1.TelemetryRequest.$Properties} message TelemetryRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TelemetryRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TelemetryRequest message, length delimited. Does not implicitly {@link analoop.v1.TelemetryRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {analoop.v1.TelemetryRequest.$Properties} message TelemetryRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TelemetryRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TelemetryRequest message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape} TelemetryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TelemetryRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.TelemetryRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TelemetryRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape} TelemetryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TelemetryRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TelemetryRequest message.
             * @function verify
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TelemetryRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a TelemetryRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.TelemetryRequest} TelemetryRequest
             */
            TelemetryRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.TelemetryRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.TelemetryRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.analoop.v1.TelemetryRequest();
            };

            /**
             * Creates a plain object from a TelemetryRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {analoop.v1.TelemetryRequest} message TelemetryRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TelemetryRequest.toObject = function () {
                return {};
            };

            /**
             * Converts this TelemetryRequest to JSON.
             * @function toJSON
             * @memberof analoop.v1.TelemetryRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TelemetryRequest.prototype.toJSON = function() {
                return TelemetryRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TelemetryRequest
             * @function getTypeUrl
             * @memberof analoop.v1.TelemetryRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TelemetryRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.TelemetryRequest";
            };

            return TelemetryRequest;
        })();

        v1.Telemetry = (function() {

            /**
             * Properties of a Telemetry.
             * @typedef {Object} analoop.v1.Telemetry.$Properties
             * @property {number|null} [temperatureC] Telemetry temperatureC
             * @property {number|null} [opticalPowerMw] Telemetry opticalPowerMw
             * @property {number|null} [conductanceMeanUs] Telemetry conductanceMeanUs
             * @property {number|null} [conductanceStdUs] Telemetry conductanceStdUs
             * @property {number|null} [uptimeMs] Telemetry uptimeMs
             * @property {number|null} [crcErrors] Telemetry crcErrors
             * @property {number|null} [framingErrors] Telemetry framingErrors
             * @property {number|null} [duplicateRequests] Telemetry duplicateRequests
             * @property {number|null} [droppedFrames] Telemetry droppedFrames
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Telemetry.
             * @memberof analoop.v1
             * @interface ITelemetry
             * @augments analoop.v1.Telemetry.$Properties
             * @deprecated Use analoop.v1.Telemetry.$Properties instead.
             */

            /**
             * Shape of a Telemetry.
             * @typedef {analoop.v1.Telemetry.$Properties} analoop.v1.Telemetry.$Shape
             */

            /**
             * Constructs a new Telemetry.
             * @memberof analoop.v1
             * @classdesc Represents a Telemetry.
             * @constructor
             * @param {analoop.v1.Telemetry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Telemetry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Telemetry temperatureC.
             * @member {number} temperatureC
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.temperatureC = 0;

            /**
             * Telemetry opticalPowerMw.
             * @member {number} opticalPowerMw
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.opticalPowerMw = 0;

            /**
             * Telemetry conductanceMeanUs.
             * @member {number} conductanceMeanUs
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.conductanceMeanUs = 0;

            /**
             * Telemetry conductanceStdUs.
             * @member {number} conductanceStdUs
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.conductanceStdUs = 0;

            /**
             * Telemetry uptimeMs.
             * @member {number} uptimeMs
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Telemetry crcErrors.
             * @member {number} crcErrors
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.crcErrors = 0;

            /**
             * Telemetry framingErrors.
             * @member {number} framingErrors
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.framingErrors = 0;

            /**
             * Telemetry duplicateRequests.
             * @member {number} duplicateRequests
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.duplicateRequests = 0;

            /**
             * Telemetry droppedFrames.
             * @member {number} droppedFrames
             * @memberof analoop.v1.Telemetry
             * @instance
             */
            Telemetry.prototype.droppedFrames = 0;

            /**
             * Creates a new Telemetry instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {analoop.v1.Telemetry.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Telemetry} Telemetry instance
             * @type {{
             *   (properties: analoop.v1.Telemetry.$Shape): analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape;
             *   (properties?: analoop.v1.Telemetry.$Properties): analoop.v1.Telemetry;
             * }}
             */
            Telemetry.create = function(properties) {
                return new Telemetry(properties);
            };

            /**
             * Encodes the specified Telemetry message. Does not implicitly {@link analoop.v1.Telemetry.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {analoop.v1.Telemetry.$Properties} message Telemetry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Telemetry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.temperatureC != null && $Object.hasOwnProperty.call(message, "temperatureC") && !$Object.is(message.temperatureC, 0))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.temperatureC);
                if (message.opticalPowerMw != null && $Object.hasOwnProperty.call(message, "opticalPowerMw") && !$Object.is(message.opticalPowerMw, 0))
                    writer.uint32(/* id 2, wireType 5 =*/21).float(message.opticalPowerMw);
                if (message.conductanceMeanUs != null && $Object.hasOwnProperty.call(message, "conductanceMeanUs") && !$Object.is(message.conductanceMeanUs, 0))
                    writer.uint32(/* id 3, wireType 5 =*/29).float(message.conductanceMeanUs);
                if (message.conductanceStdUs != null && $Object.hasOwnProperty.call(message, "conductanceStdUs") && !$Object.is(message.conductanceStdUs, 0))
                    writer.uint32(/* id 4, wireType 5 =*/37).float(message.conductanceStdUs);
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.uptimeMs);
                if (message.crcErrors != null && $Object.hasOwnProperty.call(message, "crcErrors") && message.crcErrors !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.crcErrors);
                if (message.framingErrors != null && $Object.hasOwnProperty.call(message, "framingErrors") && message.framingErrors !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.framingErrors);
                if (message.duplicateRequests != null && $Object.hasOwnProperty.call(message, "duplicateRequests") && message.duplicateRequests !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.duplicateRequests);
                if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames") && message.droppedFrames !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.droppedFrames);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Telemetry message, length delimited. Does not implicitly {@link analoop.v1.Telemetry.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {analoop.v1.Telemetry.$Properties} message Telemetry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Telemetry.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Telemetry message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape} Telemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Telemetry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Telemetry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.temperatureC = value;
                            else
                                delete message.temperatureC;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.opticalPowerMw = value;
                            else
                                delete message.opticalPowerMw;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.conductanceMeanUs = value;
                            else
                                delete message.conductanceMeanUs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.conductanceStdUs = value;
                            else
                                delete message.conductanceStdUs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.uptimeMs = value;
                            else
                                delete message.uptimeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.crcErrors = value;
                            else
                                delete message.crcErrors;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.framingErrors = value;
                            else
                                delete message.framingErrors;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.duplicateRequests = value;
                            else
                                delete message.duplicateRequests;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.droppedFrames = value;
                            else
                                delete message.droppedFrames;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Telemetry message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape} Telemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Telemetry.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Telemetry message.
             * @function verify
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Telemetry.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.temperatureC != null && $Object.hasOwnProperty.call(message, "temperatureC"))
                    if (typeof message.temperatureC !== "number")
                        return "temperatureC: number expected";
                if (message.opticalPowerMw != null && $Object.hasOwnProperty.call(message, "opticalPowerMw"))
                    if (typeof message.opticalPowerMw !== "number")
                        return "opticalPowerMw: number expected";
                if (message.conductanceMeanUs != null && $Object.hasOwnProperty.call(message, "conductanceMeanUs"))
                    if (typeof message.conductanceMeanUs !== "number")
                        return "conductanceMeanUs: number expected";
                if (message.conductanceStdUs != null && $Object.hasOwnProperty.call(message, "conductanceStdUs"))
                    if (typeof message.conductanceStdUs !== "number")
                        return "conductanceStdUs: number expected";
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (!$util.isInteger(message.uptimeMs) && !(message.uptimeMs && $util.isInteger(message.uptimeMs.low) && $util.isInteger(message.uptimeMs.high)))
                        return "uptimeMs: integer|Long expected";
                if (message.crcErrors != null && $Object.hasOwnProperty.call(message, "crcErrors"))
                    if (!$util.isInteger(message.crcErrors))
                        return "crcErrors: integer expected";
                if (message.framingErrors != null && $Object.hasOwnProperty.call(message, "framingErrors"))
                    if (!$util.isInteger(message.framingErrors))
                        return "framingErrors: integer expected";
                if (message.duplicateRequests != null && $Object.hasOwnProperty.call(message, "duplicateRequests"))
                    if (!$util.isInteger(message.duplicateRequests))
                        return "duplicateRequests: integer expected";
                if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                    if (!$util.isInteger(message.droppedFrames))
                        return "droppedFrames: integer expected";
                return null;
            };

            /**
             * Creates a Telemetry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Telemetry} Telemetry
             */
            Telemetry.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Telemetry)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Telemetry: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Telemetry();
                if (object.temperatureC != null)
                    if (!$Object.is($Number(object.temperatureC), 0))
                        message.temperatureC = $Number(object.temperatureC);
                if (object.opticalPowerMw != null)
                    if (!$Object.is($Number(object.opticalPowerMw), 0))
                        message.opticalPowerMw = $Number(object.opticalPowerMw);
                if (object.conductanceMeanUs != null)
                    if (!$Object.is($Number(object.conductanceMeanUs), 0))
                        message.conductanceMeanUs = $Number(object.conductanceMeanUs);
                if (object.conductanceStdUs != null)
                    if (!$Object.is($Number(object.conductanceStdUs), 0))
                        message.conductanceStdUs = $Number(object.conductanceStdUs);
                if (object.uptimeMs != null)
                    if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                        if ($util.Long)
                            message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                        else if (typeof object.uptimeMs === "string")
                            message.uptimeMs = $parseInt(object.uptimeMs, 10);
                        else if (typeof object.uptimeMs === "number")
                            message.uptimeMs = object.uptimeMs;
                        else if (typeof object.uptimeMs === "object")
                            message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                if (object.crcErrors != null)
                    if ($Number(object.crcErrors) !== 0)
                        message.crcErrors = object.crcErrors >>> 0;
                if (object.framingErrors != null)
                    if ($Number(object.framingErrors) !== 0)
                        message.framingErrors = object.framingErrors >>> 0;
                if (object.duplicateRequests != null)
                    if ($Number(object.duplicateRequests) !== 0)
                        message.duplicateRequests = object.duplicateRequests >>> 0;
                if (object.droppedFrames != null)
                    if ($Number(object.droppedFrames) !== 0)
                        message.droppedFrames = object.droppedFrames >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Telemetry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {analoop.v1.Telemetry} message Telemetry
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Telemetry.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.temperatureC = 0;
                    object.opticalPowerMw = 0;
                    object.conductanceMeanUs = 0;
                    object.conductanceStdUs = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.crcErrors = 0;
                    object.framingErrors = 0;
                    object.duplicateRequests = 0;
                    object.droppedFrames = 0;
                }
                if (message.temperatureC != null && $Object.hasOwnProperty.call(message, "temperatureC"))
                    object.temperatureC = options.json && !$isFinite(message.temperatureC) ? $String(message.temperatureC) : message.temperatureC;
                if (message.opticalPowerMw != null && $Object.hasOwnProperty.call(message, "opticalPowerMw"))
                    object.opticalPowerMw = options.json && !$isFinite(message.opticalPowerMw) ? $String(message.opticalPowerMw) : message.opticalPowerMw;
                if (message.conductanceMeanUs != null && $Object.hasOwnProperty.call(message, "conductanceMeanUs"))
                    object.conductanceMeanUs = options.json && !$isFinite(message.conductanceMeanUs) ? $String(message.conductanceMeanUs) : message.conductanceMeanUs;
                if (message.conductanceStdUs != null && $Object.hasOwnProperty.call(message, "conductanceStdUs"))
                    object.conductanceStdUs = options.json && !$isFinite(message.conductanceStdUs) ? $String(message.conductanceStdUs) : message.conductanceStdUs;
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.uptimeMs === "number")
                        object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                    else
                        object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                if (message.crcErrors != null && $Object.hasOwnProperty.call(message, "crcErrors"))
                    object.crcErrors = message.crcErrors;
                if (message.framingErrors != null && $Object.hasOwnProperty.call(message, "framingErrors"))
                    object.framingErrors = message.framingErrors;
                if (message.duplicateRequests != null && $Object.hasOwnProperty.call(message, "duplicateRequests"))
                    object.duplicateRequests = message.duplicateRequests;
                if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                    object.droppedFrames = message.droppedFrames;
                return object;
            };

            /**
             * Converts this Telemetry to JSON.
             * @function toJSON
             * @memberof analoop.v1.Telemetry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Telemetry.prototype.toJSON = function() {
                return Telemetry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Telemetry
             * @function getTypeUrl
             * @memberof analoop.v1.Telemetry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Telemetry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Telemetry";
            };

            return Telemetry;
        })();

        v1.ProbeRequest = (function() {

            /**
             * Properties of a ProbeRequest.
             * @typedef {Object} analoop.v1.ProbeRequest.$Properties
             * @property {number|null} [tile] ProbeRequest tile
             * @property {number|null} [inputIndex] ProbeRequest inputIndex
             * @property {number|null} [inputCode] ProbeRequest inputCode
             * @property {number|null} [repeats] ProbeRequest repeats
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProbeRequest.
             * @memberof analoop.v1
             * @interface IProbeRequest
             * @augments analoop.v1.ProbeRequest.$Properties
             * @deprecated Use analoop.v1.ProbeRequest.$Properties instead.
             */

            /**
             * Shape of a ProbeRequest.
             * @typedef {analoop.v1.ProbeRequest.$Properties} analoop.v1.ProbeRequest.$Shape
             */

            /**
             * Constructs a new ProbeRequest.
             * @memberof analoop.v1
             * @classdesc Represents a ProbeRequest.
             * @constructor
             * @param {analoop.v1.ProbeRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProbeRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProbeRequest tile.
             * @member {number} tile
             * @memberof analoop.v1.ProbeRequest
             * @instance
             */
            ProbeRequest.prototype.tile = 0;

            /**
             * ProbeRequest inputIndex.
             * @member {number} inputIndex
             * @memberof analoop.v1.ProbeRequest
             * @instance
             */
            ProbeRequest.prototype.inputIndex = 0;

            /**
             * ProbeRequest inputCode.
             * @member {number} inputCode
             * @memberof analoop.v1.ProbeRequest
             * @instance
             */
            ProbeRequest.prototype.inputCode = 0;

            /**
             * ProbeRequest repeats.
             * @member {number} repeats
             * @memberof analoop.v1.ProbeRequest
             * @instance
             */
            ProbeRequest.prototype.repeats = 0;

            /**
             * Creates a new ProbeRequest instance using the specified properties.
             * @function create
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {analoop.v1.ProbeRequest.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.ProbeRequest} ProbeRequest instance
             * @type {{
             *   (properties: analoop.v1.ProbeRequest.$Shape): analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape;
             *   (properties?: analoop.v1.ProbeRequest.$Properties): analoop.v1.ProbeRequest;
             * }}
             */
            ProbeRequest.create = function(properties) {
                return new ProbeRequest(properties);
            };

            /**
             * Encodes the specified ProbeRequest message. Does not implicitly {@link analoop.v1.ProbeRequest.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {analoop.v1.ProbeRequest.$Properties} message ProbeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbeRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.inputIndex != null && $Object.hasOwnProperty.call(message, "inputIndex") && message.inputIndex !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.inputIndex);
                if (message.inputCode != null && $Object.hasOwnProperty.call(message, "inputCode") && message.inputCode !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).sint32(message.inputCode);
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats") && message.repeats !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.repeats);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProbeRequest message, length delimited. Does not implicitly {@link analoop.v1.ProbeRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {analoop.v1.ProbeRequest.$Properties} message ProbeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbeRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProbeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape} ProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbeRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.ProbeRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.inputIndex = value;
                            else
                                delete message.inputIndex;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.inputCode = value;
                            else
                                delete message.inputCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.repeats = value;
                            else
                                delete message.repeats;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProbeRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape} ProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbeRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ProbeRequest message.
             * @function verify
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProbeRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.inputIndex != null && $Object.hasOwnProperty.call(message, "inputIndex"))
                    if (!$util.isInteger(message.inputIndex))
                        return "inputIndex: integer expected";
                if (message.inputCode != null && $Object.hasOwnProperty.call(message, "inputCode"))
                    if (!$util.isInteger(message.inputCode))
                        return "inputCode: integer expected";
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats"))
                    if (!$util.isInteger(message.repeats))
                        return "repeats: integer expected";
                return null;
            };

            /**
             * Creates a ProbeRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.ProbeRequest} ProbeRequest
             */
            ProbeRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.ProbeRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.ProbeRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.ProbeRequest();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.inputIndex != null)
                    if ($Number(object.inputIndex) !== 0)
                        message.inputIndex = object.inputIndex >>> 0;
                if (object.inputCode != null)
                    if ($Number(object.inputCode) !== 0)
                        message.inputCode = object.inputCode | 0;
                if (object.repeats != null)
                    if ($Number(object.repeats) !== 0)
                        message.repeats = object.repeats >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ProbeRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {analoop.v1.ProbeRequest} message ProbeRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProbeRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tile = 0;
                    object.inputIndex = 0;
                    object.inputCode = 0;
                    object.repeats = 0;
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.inputIndex != null && $Object.hasOwnProperty.call(message, "inputIndex"))
                    object.inputIndex = message.inputIndex;
                if (message.inputCode != null && $Object.hasOwnProperty.call(message, "inputCode"))
                    object.inputCode = message.inputCode;
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats"))
                    object.repeats = message.repeats;
                return object;
            };

            /**
             * Converts this ProbeRequest to JSON.
             * @function toJSON
             * @memberof analoop.v1.ProbeRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProbeRequest.prototype.toJSON = function() {
                return ProbeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ProbeRequest
             * @function getTypeUrl
             * @memberof analoop.v1.ProbeRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ProbeRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.ProbeRequest";
            };

            return ProbeRequest;
        })();

        v1.ProbeResult = (function() {

            /**
             * Properties of a ProbeResult.
             * @typedef {Object} analoop.v1.ProbeResult.$Properties
             * @property {number|null} [tile] ProbeResult tile
             * @property {number|null} [repeats] ProbeResult repeats
             * @property {number|null} [rows] ProbeResult rows
             * @property {Uint8Array|null} [rawOutputCodes] ProbeResult rawOutputCodes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProbeResult.
             * @memberof analoop.v1
             * @interface IProbeResult
             * @augments analoop.v1.ProbeResult.$Properties
             * @deprecated Use analoop.v1.ProbeResult.$Properties instead.
             */

            /**
             * Shape of a ProbeResult.
             * @typedef {analoop.v1.ProbeResult.$Properties} analoop.v1.ProbeResult.$Shape
             */

            /**
             * Constructs a new ProbeResult.
             * @memberof analoop.v1
             * @classdesc Represents a ProbeResult.
             * @constructor
             * @param {analoop.v1.ProbeResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProbeResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProbeResult tile.
             * @member {number} tile
             * @memberof analoop.v1.ProbeResult
             * @instance
             */
            ProbeResult.prototype.tile = 0;

            /**
             * ProbeResult repeats.
             * @member {number} repeats
             * @memberof analoop.v1.ProbeResult
             * @instance
             */
            ProbeResult.prototype.repeats = 0;

            /**
             * ProbeResult rows.
             * @member {number} rows
             * @memberof analoop.v1.ProbeResult
             * @instance
             */
            ProbeResult.prototype.rows = 0;

            /**
             * ProbeResult rawOutputCodes.
             * @member {Uint8Array} rawOutputCodes
             * @memberof analoop.v1.ProbeResult
             * @instance
             */
            ProbeResult.prototype.rawOutputCodes = $util.newBuffer([]);

            /**
             * Creates a new ProbeResult instance using the specified properties.
             * @function create
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {analoop.v1.ProbeResult.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.ProbeResult} ProbeResult instance
             * @type {{
             *   (properties: analoop.v1.ProbeResult.$Shape): analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape;
             *   (properties?: analoop.v1.ProbeResult.$Properties): analoop.v1.ProbeResult;
             * }}
             */
            ProbeResult.create = function(properties) {
                return new ProbeResult(properties);
            };

            /**
             * Encodes the specified ProbeResult message. Does not implicitly {@link analoop.v1.ProbeResult.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {analoop.v1.ProbeResult.$Properties} message ProbeResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbeResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile") && message.tile !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.tile);
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats") && message.repeats !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.repeats);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.rows);
                if (message.rawOutputCodes != null && $Object.hasOwnProperty.call(message, "rawOutputCodes") && message.rawOutputCodes.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.rawOutputCodes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProbeResult message, length delimited. Does not implicitly {@link analoop.v1.ProbeResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {analoop.v1.ProbeResult.$Properties} message ProbeResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProbeResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProbeResult message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape} ProbeResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbeResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.ProbeResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tile = value;
                            else
                                delete message.tile;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.repeats = value;
                            else
                                delete message.repeats;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.rawOutputCodes = value;
                            else
                                delete message.rawOutputCodes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProbeResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape} ProbeResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProbeResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ProbeResult message.
             * @function verify
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProbeResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    if (!$util.isInteger(message.tile))
                        return "tile: integer expected";
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats"))
                    if (!$util.isInteger(message.repeats))
                        return "repeats: integer expected";
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    if (!$util.isInteger(message.rows))
                        return "rows: integer expected";
                if (message.rawOutputCodes != null && $Object.hasOwnProperty.call(message, "rawOutputCodes"))
                    if (!(message.rawOutputCodes && typeof message.rawOutputCodes.length === "number" || $util.isString(message.rawOutputCodes)))
                        return "rawOutputCodes: buffer expected";
                return null;
            };

            /**
             * Creates a ProbeResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.ProbeResult} ProbeResult
             */
            ProbeResult.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.ProbeResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.ProbeResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.ProbeResult();
                if (object.tile != null)
                    if ($Number(object.tile) !== 0)
                        message.tile = object.tile >>> 0;
                if (object.repeats != null)
                    if ($Number(object.repeats) !== 0)
                        message.repeats = object.repeats >>> 0;
                if (object.rows != null)
                    if ($Number(object.rows) !== 0)
                        message.rows = object.rows >>> 0;
                if (object.rawOutputCodes != null)
                    if (object.rawOutputCodes.length)
                        if (typeof object.rawOutputCodes === "string")
                            $util.base64.decode(object.rawOutputCodes, message.rawOutputCodes = $util.newBuffer($util.base64.length(object.rawOutputCodes)), 0);
                        else if (object.rawOutputCodes.length >= 0)
                            message.rawOutputCodes = object.rawOutputCodes;
                return message;
            };

            /**
             * Creates a plain object from a ProbeResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {analoop.v1.ProbeResult} message ProbeResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProbeResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tile = 0;
                    object.repeats = 0;
                    object.rows = 0;
                    if (options.bytes === $String)
                        object.rawOutputCodes = "";
                    else {
                        object.rawOutputCodes = [];
                        if (options.bytes !== $Array)
                            object.rawOutputCodes = $util.newBuffer(object.rawOutputCodes);
                    }
                }
                if (message.tile != null && $Object.hasOwnProperty.call(message, "tile"))
                    object.tile = message.tile;
                if (message.repeats != null && $Object.hasOwnProperty.call(message, "repeats"))
                    object.repeats = message.repeats;
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    object.rows = message.rows;
                if (message.rawOutputCodes != null && $Object.hasOwnProperty.call(message, "rawOutputCodes"))
                    object.rawOutputCodes = options.bytes === $String ? $util.base64.encode(message.rawOutputCodes, 0, message.rawOutputCodes.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.rawOutputCodes) : message.rawOutputCodes;
                return object;
            };

            /**
             * Converts this ProbeResult to JSON.
             * @function toJSON
             * @memberof analoop.v1.ProbeResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProbeResult.prototype.toJSON = function() {
                return ProbeResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ProbeResult
             * @function getTypeUrl
             * @memberof analoop.v1.ProbeResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ProbeResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.ProbeResult";
            };

            return ProbeResult;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} analoop.v1.Ping.$Properties
             * @property {number|null} [nonce] Ping nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof analoop.v1
             * @interface IPing
             * @augments analoop.v1.Ping.$Properties
             * @deprecated Use analoop.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {analoop.v1.Ping.$Properties} analoop.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof analoop.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {analoop.v1.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping nonce.
             * @member {number} nonce
             * @memberof analoop.v1.Ping
             * @instance
             */
            Ping.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Ping
             * @static
             * @param {analoop.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Ping} Ping instance
             * @type {{
             *   (properties: analoop.v1.Ping.$Shape): analoop.v1.Ping & analoop.v1.Ping.$Shape;
             *   (properties?: analoop.v1.Ping.$Properties): analoop.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link analoop.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Ping
             * @static
             * @param {analoop.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link analoop.v1.Ping.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Ping
             * @static
             * @param {analoop.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Ping & analoop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Ping & analoop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Ping message.
             * @function verify
             * @memberof analoop.v1.Ping
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ping.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (!$util.isInteger(message.nonce) && !(message.nonce && $util.isInteger(message.nonce.low) && $util.isInteger(message.nonce.high)))
                        return "nonce: integer|Long expected";
                return null;
            };

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Ping
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Ping} Ping
             */
            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Ping();
                if (object.nonce != null)
                    if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                        if ($util.Long)
                            message.nonce = $util.Long.fromValue(object.nonce, true);
                        else if (typeof object.nonce === "string")
                            message.nonce = $parseInt(object.nonce, 10);
                        else if (typeof object.nonce === "number")
                            message.nonce = object.nonce;
                        else if (typeof object.nonce === "object")
                            message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Ping
             * @static
             * @param {analoop.v1.Ping} message Ping
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                    else if (typeof message.nonce === "number")
                        object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                    else
                        object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                return object;
            };

            /**
             * Converts this Ping to JSON.
             * @function toJSON
             * @memberof analoop.v1.Ping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ping
             * @function getTypeUrl
             * @memberof analoop.v1.Ping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Ping";
            };

            return Ping;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} analoop.v1.Pong.$Properties
             * @property {number|null} [nonce] Pong nonce
             * @property {number|null} [uptimeMs] Pong uptimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof analoop.v1
             * @interface IPong
             * @augments analoop.v1.Pong.$Properties
             * @deprecated Use analoop.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {analoop.v1.Pong.$Properties} analoop.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof analoop.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {analoop.v1.Pong.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pong nonce.
             * @member {number} nonce
             * @memberof analoop.v1.Pong
             * @instance
             */
            Pong.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong uptimeMs.
             * @member {number} uptimeMs
             * @memberof analoop.v1.Pong
             * @instance
             */
            Pong.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Pong
             * @static
             * @param {analoop.v1.Pong.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Pong} Pong instance
             * @type {{
             *   (properties: analoop.v1.Pong.$Shape): analoop.v1.Pong & analoop.v1.Pong.$Shape;
             *   (properties?: analoop.v1.Pong.$Properties): analoop.v1.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link analoop.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Pong
             * @static
             * @param {analoop.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.uptimeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Pong message, length delimited. Does not implicitly {@link analoop.v1.Pong.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Pong
             * @static
             * @param {analoop.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Pong & analoop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.uptimeMs = value;
                            else
                                delete message.uptimeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Pong & analoop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Pong message.
             * @function verify
             * @memberof analoop.v1.Pong
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Pong.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (!$util.isInteger(message.nonce) && !(message.nonce && $util.isInteger(message.nonce.low) && $util.isInteger(message.nonce.high)))
                        return "nonce: integer|Long expected";
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (!$util.isInteger(message.uptimeMs) && !(message.uptimeMs && $util.isInteger(message.uptimeMs.low) && $util.isInteger(message.uptimeMs.high)))
                        return "uptimeMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Pong
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Pong} Pong
             */
            Pong.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Pong: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Pong();
                if (object.nonce != null)
                    if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                        if ($util.Long)
                            message.nonce = $util.Long.fromValue(object.nonce, true);
                        else if (typeof object.nonce === "string")
                            message.nonce = $parseInt(object.nonce, 10);
                        else if (typeof object.nonce === "number")
                            message.nonce = object.nonce;
                        else if (typeof object.nonce === "object")
                            message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                if (object.uptimeMs != null)
                    if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                        if ($util.Long)
                            message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                        else if (typeof object.uptimeMs === "string")
                            message.uptimeMs = $parseInt(object.uptimeMs, 10);
                        else if (typeof object.uptimeMs === "number")
                            message.uptimeMs = object.uptimeMs;
                        else if (typeof object.uptimeMs === "object")
                            message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Pong
             * @static
             * @param {analoop.v1.Pong} message Pong
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Pong.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                    else if (typeof message.nonce === "number")
                        object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                    else
                        object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.uptimeMs === "number")
                        object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                    else
                        object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                return object;
            };

            /**
             * Converts this Pong to JSON.
             * @function toJSON
             * @memberof analoop.v1.Pong
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Pong
             * @function getTypeUrl
             * @memberof analoop.v1.Pong
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Pong";
            };

            return Pong;
        })();

        v1.Reset = (function() {

            /**
             * Properties of a Reset.
             * @typedef {Object} analoop.v1.Reset.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Reset.
             * @memberof analoop.v1
             * @interface IReset
             * @augments analoop.v1.Reset.$Properties
             * @deprecated Use analoop.v1.Reset.$Properties instead.
             */

            /**
             * Shape of a Reset.
             * @typedef {analoop.v1.Reset.$Properties} analoop.v1.Reset.$Shape
             */

            /**
             * Constructs a new Reset.
             * @memberof analoop.v1
             * @classdesc Represents a Reset.
             * @constructor
             * @param {analoop.v1.Reset.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Reset = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new Reset instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Reset
             * @static
             * @param {analoop.v1.Reset.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Reset} Reset instance
             * @type {{
             *   (properties: analoop.v1.Reset.$Shape): analoop.v1.Reset & analoop.v1.Reset.$Shape;
             *   (properties?: analoop.v1.Reset.$Properties): analoop.v1.Reset;
             * }}
             */
            Reset.create = function(properties) {
                return new Reset(properties);
            };

            /**
             * Encodes the specified Reset message. Does not implicitly {@link analoop.v1.Reset.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Reset
             * @static
             * @param {analoop.v1.Reset.$Properties} message Reset message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reset.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Reset message, length delimited. Does not implicitly {@link analoop.v1.Reset.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Reset
             * @static
             * @param {analoop.v1.Reset.$Properties} message Reset message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reset.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Reset message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Reset
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Reset & analoop.v1.Reset.$Shape} Reset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reset.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Reset();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Reset message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Reset
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Reset & analoop.v1.Reset.$Shape} Reset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reset.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Reset message.
             * @function verify
             * @memberof analoop.v1.Reset
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Reset.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a Reset message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Reset
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Reset} Reset
             */
            Reset.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Reset)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Reset: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.analoop.v1.Reset();
            };

            /**
             * Creates a plain object from a Reset message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Reset
             * @static
             * @param {analoop.v1.Reset} message Reset
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Reset.toObject = function () {
                return {};
            };

            /**
             * Converts this Reset to JSON.
             * @function toJSON
             * @memberof analoop.v1.Reset
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Reset.prototype.toJSON = function() {
                return Reset.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Reset
             * @function getTypeUrl
             * @memberof analoop.v1.Reset
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Reset.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Reset";
            };

            return Reset;
        })();

        v1.ResetAck = (function() {

            /**
             * Properties of a ResetAck.
             * @typedef {Object} analoop.v1.ResetAck.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ResetAck.
             * @memberof analoop.v1
             * @interface IResetAck
             * @augments analoop.v1.ResetAck.$Properties
             * @deprecated Use analoop.v1.ResetAck.$Properties instead.
             */

            /**
             * Shape of a ResetAck.
             * @typedef {analoop.v1.ResetAck.$Properties} analoop.v1.ResetAck.$Shape
             */

            /**
             * Constructs a new ResetAck.
             * @memberof analoop.v1
             * @classdesc Represents a ResetAck.
             * @constructor
             * @param {analoop.v1.ResetAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ResetAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new ResetAck instance using the specified properties.
             * @function create
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {analoop.v1.ResetAck.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.ResetAck} ResetAck instance
             * @type {{
             *   (properties: analoop.v1.ResetAck.$Shape): analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape;
             *   (properties?: analoop.v1.ResetAck.$Properties): analoop.v1.ResetAck;
             * }}
             */
            ResetAck.create = function(properties) {
                return new ResetAck(properties);
            };

            /**
             * Encodes the specified ResetAck message. Does not implicitly {@link analoop.v1.ResetAck.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {analoop.v1.ResetAck.$Properties} message ResetAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResetAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ResetAck message, length delimited. Does not implicitly {@link analoop.v1.ResetAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {analoop.v1.ResetAck.$Properties} message ResetAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResetAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ResetAck message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape} ResetAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResetAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.ResetAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ResetAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape} ResetAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResetAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ResetAck message.
             * @function verify
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ResetAck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a ResetAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.ResetAck} ResetAck
             */
            ResetAck.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.ResetAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.ResetAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.analoop.v1.ResetAck();
            };

            /**
             * Creates a plain object from a ResetAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {analoop.v1.ResetAck} message ResetAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ResetAck.toObject = function () {
                return {};
            };

            /**
             * Converts this ResetAck to JSON.
             * @function toJSON
             * @memberof analoop.v1.ResetAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ResetAck.prototype.toJSON = function() {
                return ResetAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ResetAck
             * @function getTypeUrl
             * @memberof analoop.v1.ResetAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ResetAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.ResetAck";
            };

            return ResetAck;
        })();

        /**
         * ErrorCode enum.
         * @name analoop.v1.ErrorCode
         * @enum {number}
         * @property {number} ERROR_CODE_UNSPECIFIED=0 ERROR_CODE_UNSPECIFIED value
         * @property {number} BAD_FRAME=1 BAD_FRAME value
         * @property {number} UNSUPPORTED_VERSION=2 UNSUPPORTED_VERSION value
         * @property {number} BAD_REQUEST=3 BAD_REQUEST value
         * @property {number} OUT_OF_RANGE=4 OUT_OF_RANGE value
         * @property {number} NOT_PROGRAMMED=5 NOT_PROGRAMMED value
         * @property {number} BUSY=6 BUSY value
         * @property {number} INTERNAL=7 INTERNAL value
         */
        v1.ErrorCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BAD_FRAME"] = 1;
            values[valuesById[2] = "UNSUPPORTED_VERSION"] = 2;
            values[valuesById[3] = "BAD_REQUEST"] = 3;
            values[valuesById[4] = "OUT_OF_RANGE"] = 4;
            values[valuesById[5] = "NOT_PROGRAMMED"] = 5;
            values[valuesById[6] = "BUSY"] = 6;
            values[valuesById[7] = "INTERNAL"] = 7;
            return values;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} analoop.v1.Error.$Properties
             * @property {analoop.v1.ErrorCode|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof analoop.v1
             * @interface IError
             * @augments analoop.v1.Error.$Properties
             * @deprecated Use analoop.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {analoop.v1.Error.$Properties} analoop.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof analoop.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {analoop.v1.Error.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Error code.
             * @member {analoop.v1.ErrorCode} code
             * @memberof analoop.v1.Error
             * @instance
             */
            Error.prototype.code = 0;

            /**
             * Error message.
             * @member {string} message
             * @memberof analoop.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof analoop.v1.Error
             * @static
             * @param {analoop.v1.Error.$Properties=} [properties] Properties to set
             * @returns {analoop.v1.Error} Error instance
             * @type {{
             *   (properties: analoop.v1.Error.$Shape): analoop.v1.Error & analoop.v1.Error.$Shape;
             *   (properties?: analoop.v1.Error.$Properties): analoop.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link analoop.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof analoop.v1.Error
             * @static
             * @param {analoop.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Error message, length delimited. Does not implicitly {@link analoop.v1.Error.verify|verify} messages.
             * @function encodeDelimited
             * @memberof analoop.v1.Error
             * @static
             * @param {analoop.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof analoop.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {analoop.v1.Error & analoop.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.analoop.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Error message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof analoop.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {analoop.v1.Error & analoop.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Error message.
             * @function verify
             * @memberof analoop.v1.Error
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Error.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (typeof message.code !== "number" || (message.code | 0) !== message.code)
                        return "code: enum value expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                return null;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof analoop.v1.Error
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {analoop.v1.Error} Error
             */
            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.analoop.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".analoop.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.analoop.v1.Error();
                if (object.code !== 0 && (typeof object.code !== "string" || $root.analoop.v1.ErrorCode[object.code] !== 0))
                    switch (object.code) {
                    case "ERROR_CODE_UNSPECIFIED":
                    case 0:
                        message.code = 0;
                        break;
                    case "BAD_FRAME":
                    case 1:
                        message.code = 1;
                        break;
                    case "UNSUPPORTED_VERSION":
                    case 2:
                        message.code = 2;
                        break;
                    case "BAD_REQUEST":
                    case 3:
                        message.code = 3;
                        break;
                    case "OUT_OF_RANGE":
                    case 4:
                        message.code = 4;
                        break;
                    case "NOT_PROGRAMMED":
                    case 5:
                        message.code = 5;
                        break;
                    case "BUSY":
                    case 6:
                        message.code = 6;
                        break;
                    case "INTERNAL":
                    case 7:
                        message.code = 7;
                        break;
                    default:
                        if (typeof object.code === "number" && (object.code | 0) === object.code)
                            message.code = object.code;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof analoop.v1.Error
             * @static
             * @param {analoop.v1.Error} message Error
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = options.enums === $String ? "ERROR_CODE_UNSPECIFIED" : 0;
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = options.enums === $String ? $root.analoop.v1.ErrorCode[message.code] === $undefined ? message.code : $root.analoop.v1.ErrorCode[message.code] : message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof analoop.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Error
             * @function getTypeUrl
             * @memberof analoop.v1.Error
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/analoop.v1.Error";
            };

            return Error;
        })();

        return v1;
    })();

    return analoop;
})();

export {
  $root as default
};
