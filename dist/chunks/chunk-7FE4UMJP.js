import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  K3d,
  Kubectl,
  PhaseError,
  ToolError,
  UserError,
  WaitTimeoutError,
  __commonJS,
  __require,
  __toESM,
  cleanup,
  clusterNameForRun,
  codeBlock,
  codeSpan,
  commitLink,
  cp,
  createToolRunner,
  daemonSetRolloutState,
  debug,
  describeCondition,
  details,
  errorMessage,
  escapeInline,
  firstLine,
  hasCondition,
  isNotFound,
  isValidClusterName,
  isValidNamespaceName,
  log,
  mkdirP,
  namespaceProblem,
  repositoryUrl,
  rmRF,
  saveDiagnostics,
  shellQuote,
  shortHash,
  sleep,
  stripUnsafe,
  table,
  truncate,
  waitUntil,
  withRetry
} from "./chunk-4WJUX77I.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path9) {
      const ctrl = callVisitor(key, node, visitor, path9);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visit_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path9);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = visit_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path9) {
      const ctrl = await callVisitor(key, node, visitor, path9);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visitAsync_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path9);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path9) {
      if (typeof visitor === "function")
        return visitor(key, node, path9);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path9);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path9);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path9);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path9);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path9);
      return void 0;
    }
    function replaceNode(key, path9, node) {
      const parent = path9[path9.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path9, value) {
      let v = value;
      for (let i = path9.length - 1; i >= 0; --i) {
        const k = path9[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path9) => path9 == null || typeof path9 === "object" && !!path9[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path9, value) {
        if (isEmptyPath(path9))
          this.add(value);
        else {
          const [key, ...rest] = path9;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        const [key, ...rest] = path9;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        const [key, ...rest] = path9;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify3(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify3.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify3.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug2(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug2;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log2 = require_log();
    var merge = require_merge();
    var stringify3 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify3.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log2.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify4(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify3.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str2);
      }
      let str;
      if (lines2.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line = lines2[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify3.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines2.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines2.push(str);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines2)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str.substr(o, lineWidth);
          }
          str = lines2.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify3.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify3.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body}`;
        } else
          lines2.push(body);
      } else {
        lines2.push(stringify3.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path9, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path9, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        if (Collection.isEmptyPath(path9)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path9) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        if (Collection.isEmptyPath(path9))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path9, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path9) {
        if (Collection.isEmptyPath(path9))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path9) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        if (Collection.isEmptyPath(path9)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path9), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path9, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines2 = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value += "\n" + lines2[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines2.push([split[i], split[i + 1]]);
      return lines2;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok2 = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok2 ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify3 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path9) => {
      let item = cst;
      for (const [field, index] of path9) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path9) => {
      const parent = visit2.itemAtPath(cst, path9.slice(0, -1));
      const field = path9[path9.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path9, item, visitor) {
      let ctrl = visitor(item, path9);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path9.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path9);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path9) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log2 = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log2.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify3(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug2 = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug2;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug2 = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug2(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug2 = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug2("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug2("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug2("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug2("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse2;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid2 = (version, options) => {
      const v = parse2(version, options);
      return v ? v.version : null;
    };
    module.exports = valid2;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var clean2 = (version, options) => {
      const s = parse2(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean2;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse2(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list2, loose) => list2.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list2, loose) => list2.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt2 = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt2;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt2 = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt2(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse2(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var constants3 = require_constants();
    var SemVer = require_semver();
    var truncate3 = (version, truncation, options) => {
      if (!constants3.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse2(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate3;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug2("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug2("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug2("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug2("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug2("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug2("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug2 = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug2("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug2("caret", comp);
      comp = replaceTildes(comp, options);
      debug2("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug2("xrange", comp);
      comp = replaceStars(comp, options);
      debug2("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug2("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug2("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug2("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug2("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug2("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug2("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug2("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug2("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug2("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug2("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug2("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug2("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug2("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug2(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug2("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug2("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug2("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug2 = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies3 = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies3;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt2 = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt2(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt2(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies3 = require_satisfies();
    var gt2 = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt2;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt2;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies3(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies3 = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies3(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies3 = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt2, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt2 = higherGT(gt2, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt2 && lt) {
        gtltComp = compare(gt2.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt2.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt2 && !satisfies3(eq, String(gt2), options)) {
          return null;
        }
        if (lt && !satisfies3(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies3(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt2 && !options.includePrerelease && gt2.semver.prerelease.length ? gt2.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt2) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt2, c, options);
            if (higher === c && higher !== gt2) {
              return false;
            }
          } else if (gt2.operator === ">=" && !c.test(gt2.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt2) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt2 && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt2 && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants3 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse2 = require_parse();
    var valid2 = require_valid();
    var clean2 = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt2 = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate3 = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies3 = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse2,
      valid: valid2,
      clean: clean2,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt: gt2,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate: truncate3,
      Comparator,
      Range,
      satisfies: satisfies3,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants3.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants3.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/images/build-spec.ts
var IMAGE_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function parseBuildLines(lines2) {
  const specs = [];
  lines2.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const where = `Input 'build', line ${index + 1} ('${line}')`;
    const eq = line.indexOf("=");
    if (eq <= 0)
      throw new UserError(
        `${where}: expected name=context[:dockerfile], e.g. app=./app or app=.:docker/app.Dockerfile.`
      );
    const name = line.slice(0, eq).trim();
    const rest = line.slice(eq + 1).trim();
    const colon = rest.indexOf(":");
    const context = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const dockerfile = (colon < 0 ? "" : rest.slice(colon + 1)).trim() || "Dockerfile";
    if (!IMAGE_NAME.test(name) || name.length > 128) {
      throw new UserError(
        `${where}: '${name}' is not a valid image name (lowercase letters, digits, and . _ - / between them).`
      );
    }
    if (!context)
      throw new UserError(`${where}: the build context is empty; use . for the repository root.`);
    for (const [what, path9] of [
      ["context", context],
      ["dockerfile", dockerfile]
    ]) {
      if (path9.startsWith("/") || path9.split("/").includes("..")) {
        throw new UserError(
          `${where}: the ${what} '${path9}' must be a path inside the repository (relative, no '..').`
        );
      }
    }
    if (specs.some((s) => s.name === name))
      throw new UserError(`${where}: image '${name}' is listed twice.`);
    specs.push({ name, context, dockerfile });
  });
  return specs;
}
function localImageTag(name, commitSha) {
  if (!/^[0-9a-f]{7,40}$/i.test(commitSha)) throw new Error(`'${commitSha}' is not a commit SHA`);
  return `dev.local/${name}:${commitSha.slice(0, 7).toLowerCase()}`;
}

// src/cluster/compatibility.ts
var MINIMUM_KUBERNETES_MINOR = /* @__PURE__ */ new Map([
  [18, 31],
  [19, 32],
  [20, 32],
  [21, 33],
  [22, 34],
  [23, 34]
]);
var KNOWN_KNATIVE = [...MINIMUM_KUBERNETES_MINOR.keys()];
var OLDEST_KNATIVE = Math.min(...KNOWN_KNATIVE);
var NEWEST_KNATIVE = Math.max(...KNOWN_KNATIVE);
var show = (v) => `${v.major}.${v.minor}.${v.patch}`;
function kubernetesVersionOfK3sImage(image) {
  const tag = image.slice(image.lastIndexOf(":") + 1);
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(image.includes(":") ? tag : "");
  if (!match) {
    throw new UserError(
      `Cannot read a Kubernetes version from the k3s image '${image}': expected a tag like rancher/k3s:v1.34.8-k3s1.`
    );
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
function parseKnativeVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) throw new UserError(`Knative version '${version}' is not a release like 1.22.1.`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
function checkCompatibility(k3sImage, knativeVersion) {
  const kubernetes = kubernetesVersionOfK3sImage(k3sImage);
  const knative = parseKnativeVersion(knativeVersion);
  const warnings = [];
  let minimumMinor = MINIMUM_KUBERNETES_MINOR.get(knative.minor);
  if (knative.major !== 1 || knative.minor < OLDEST_KNATIVE) {
    throw new UserError(
      `Knative Serving ${show(knative)} is older than this action supports (1.${OLDEST_KNATIVE} and newer); set knative-version to 1.${NEWEST_KNATIVE}.x or another supported release.`
    );
  }
  if (minimumMinor === void 0) {
    minimumMinor = MINIMUM_KUBERNETES_MINOR.get(NEWEST_KNATIVE);
    warnings.push(
      `Knative Serving ${show(knative)} is newer than the releases this action knows (up to 1.${NEWEST_KNATIVE}); assuming it needs Kubernetes >= 1.${minimumMinor} like 1.${NEWEST_KNATIVE}. Check its release notes.`
    );
  }
  if (kubernetes.major !== 1 || kubernetes.minor < minimumMinor) {
    throw new UserError(
      `Knative Serving ${show(knative)} needs Kubernetes >= 1.${minimumMinor}, but the k3s image '${k3sImage}' runs Kubernetes ${show(kubernetes)}. Set k3s-image to a rancher/k3s:v1.${minimumMinor}.x-k3s1 image (e.g. rancher/k3s:v1.34.8-k3s1) or pick an older knative-version.`
    );
  }
  return { kubernetes, minimumMinor, warnings };
}

// src/existing/registry.ts
var HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d{1,5})?$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseRegistry(text2) {
  const expected = "a registry and path to push built images to, like ghcr.io/<owner> (lowercase path, no scheme, no tag)";
  const value = text2.trim().replace(/\/+$/, "");
  if (value.length > 200 || /^[a-z]+:\/\//i.test(value)) return { ok: false, expected };
  const [host = "", ...path9] = value.split("/");
  const isHost = host === "localhost" || host.includes(".") || host.includes(":");
  if (!HOST.test(host) || !isHost) return { ok: false, expected };
  if (!path9.every((component) => PATH_COMPONENT.test(component))) {
    const lowered = path9.map((component) => component.toLowerCase());
    const upper = lowered.every((component) => PATH_COMPONENT.test(component));
    return {
      ok: false,
      expected: upper ? `${expected}; image paths must be lowercase (e.g. ${value.toLowerCase()})` : expected
    };
  }
  return { ok: true, value };
}
function registryImageTag(registry, name, commitSha) {
  return pushedTag(localImageTag(name, commitSha), registry);
}
function pushedTag(localTag, registry) {
  if (!localTag.startsWith("dev.local/")) throw new Error(`'${localTag}' is not a dev.local image`);
  return `${registry}/${localTag.slice("dev.local/".length)}`;
}

// src/existing/ttl.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var MIN_TTL_MS = 1e3;
var MAX_TTL_MS = 365 * UNIT_MS.d;
function parseTtl(text2) {
  const match = /^(\d{1,8})([smhd])$/.exec(text2.trim());
  if (!match) return void 0;
  const ms = Number(match[1]) * UNIT_MS[match[2]];
  if (ms < MIN_TTL_MS || ms > MAX_TTL_MS) return void 0;
  return { text: text2.trim(), ms };
}
function expiryAfter(now, ttl) {
  return rfc3339(new Date(now.getTime() + ttl.ms));
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function parseExpiry(text2) {
  if (typeof text2 !== "string" || text2.length > 40) return void 0;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text2))
    return void 0;
  const date = new Date(text2);
  return Number.isNaN(date.getTime()) ? void 0 : date;
}

// src/install/mirror.ts
import { isIP } from "node:net";
function mirroredUrl(originalUrl, mirrorBase) {
  if (!mirrorBase) return originalUrl;
  const original = new URL(originalUrl);
  return `${mirrorBase.replace(/\/+$/, "")}${original.pathname}${original.search}`;
}
function validateReleaseMirror(value) {
  const text2 = value.trim();
  let shown2 = text2;
  const refuse2 = (why) => {
    throw new UserError(`Input 'release-mirror' ('${shown2}') ${why}`);
  };
  let url;
  try {
    url = new URL(text2);
  } catch {
    return refuse2("is not a URL; expected a base URL such as https://mirror.example.com/releases.");
  }
  if (url.username || url.password) {
    const hidden = new URL(url.href);
    hidden.username = "***";
    hidden.password = "";
    shown2 = hidden.href;
  }
  if (url.username || url.password) {
    refuse2(
      "must not carry credentials: download URLs are written to the log. Use a mirror that needs none."
    );
  }
  if (url.search || url.hash) {
    refuse2("must be a base URL without ?query or #fragment: release paths are appended to it.");
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    refuse2(
      "uses plain http to another machine: anyone on the way could replace the files and their checksums. Use https (http is accepted only for a loopback address such as 127.0.0.1)."
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    refuse2(
      `uses ${url.protocol.replace(/:$/, "")}: only https (or http on loopback) is supported.`
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.split(".")[0] === "127";
  if (isIP(host) === 6) return host === "::1" || host === "0:0:0:0:0:0:0:1";
  return false;
}

// src/manifests/manifests-path.ts
import path from "node:path";
function checkManifestsPath(value) {
  const shown2 = shownPath(value);
  if (value.includes("\0"))
    throw new UserError(`The 'manifests' input ${shown2} holds a NUL character.`);
  if (path.isAbsolute(value))
    throw new UserError(
      `The 'manifests' input ${shown2} is an absolute path; give a path relative to the workspace (the repository root), e.g. 'knative'.`
    );
  const climbs = path.posix.normalize(value.replace(/\\/g, "/"));
  if (climbs === ".." || climbs.startsWith("../"))
    throw new UserError(
      `The 'manifests' input ${shown2} climbs out of the workspace with '..'; give a path inside the repository, e.g. 'knative'.`
    );
  return path.posix.normalize(value).replace(/(.)\/+$/, "$1");
}
function shownPath(value, maxLength = 200) {
  const cut = value.length > maxLength ? `${value.slice(0, maxLength)}\u2026` : value;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}
function isInside(root, candidate) {
  const relative = path.relative(root, candidate);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
function entersGitDir(relative) {
  return relative.split(/[\\/]/).some((part) => part.toLowerCase() === ".git");
}

// src/stats/special.ts
var LANCZOS_G = 7;
var LANCZOS_COEFFICIENTS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
function logFactorial(n) {
  return n < 2 ? 0 : logGamma(n + 1);
}
var EPSILON = 1e-15;
var MAX_ITERATIONS = 1e5;
var TINY = 1e-300;
function regularizedGammaQ(a, x) {
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ needs a > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`regularizedGammaQ needs x >= 0, got ${x}`);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) return 1 - Math.exp(logPrefactor) * lowerSeries(a, x);
  return Math.exp(logPrefactor) * upperContinuedFraction(a, x);
}
function lowerSeries(a, x) {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum;
  }
  return sum;
}
function upperContinuedFraction(a, x) {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) return fraction;
  }
  return fraction;
}

// src/stats/binomial.ts
var RELATIVE_TOLERANCE = 1 + 1e-7;
function binomialDistribution(trials, p) {
  if (!Number.isInteger(trials) || trials < 0)
    throw new RangeError(`trials must be a non-negative integer, got ${trials}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const n = trials;
  const pmf = pointProbabilities(n, p);
  const below = new Float64Array(n + 2);
  for (let k = 0; k <= n; k++) below[k + 1] = below[k] + pmf[k];
  const above = new Float64Array(n + 2);
  for (let k = n; k >= 0; k--) above[k] = above[k + 1] + pmf[k];
  const mean = n * p;
  const checkCount = (k) => {
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError(`successes must be an integer in 0..${n}, got ${k}`);
    }
  };
  const lowerTail = (k) => k < 0 ? 0 : k >= n ? 1 : Math.min(1, below[k + 1]);
  const upperTail = (k) => k <= 0 ? 1 : k > n ? 0 : Math.min(1, above[k]);
  const twoSidedP = (k) => {
    checkCount(k);
    if (p === 0) return k === 0 ? 1 : 0;
    if (p === 1) return k === n ? 1 : 0;
    if (k === mean) return 1;
    const threshold = pmf[k] * RELATIVE_TOLERANCE;
    if (k < mean) {
      let first2 = Math.ceil(mean);
      let last2 = n + 1;
      while (first2 < last2) {
        const middle = first2 + last2 >>> 1;
        if (pmf[middle] <= threshold) last2 = middle;
        else first2 = middle + 1;
      }
      return Math.min(1, below[k + 1] + above[last2]);
    }
    let first = -1;
    let last = Math.floor(mean);
    while (first < last) {
      const middle = first + last + 1 >> 1;
      if (pmf[middle] <= threshold) first = middle;
      else last = middle - 1;
    }
    return Math.min(1, above[k] + below[first + 1]);
  };
  return {
    trials: n,
    p,
    pmf: (k) => Number.isInteger(k) && k >= 0 && k <= n ? pmf[k] : 0,
    lowerTail,
    upperTail,
    twoSidedP
  };
}
function pointProbabilities(n, p) {
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  pmf[mode] = Math.exp(
    logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p)
  );
  const odds = p / q;
  for (let k = mode; k < n; k++) pmf[k + 1] = pmf[k] * (n - k) * odds / (k + 1);
  for (let k = mode; k > 0; k--) pmf[k - 1] = pmf[k] * k / ((n - k + 1) * odds);
  return pmf;
}

// src/stats/memo.ts
function numberKeyedMemo(limit) {
  let root = /* @__PURE__ */ new Map();
  let size = 0;
  return (keys, create) => {
    let level = root;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(keys[i]);
      if (!next) {
        next = /* @__PURE__ */ new Map();
        level.set(keys[i], next);
      }
      level = next;
    }
    const last = keys[keys.length - 1];
    if (level.has(last)) return level.get(last);
    const value = create();
    if (size >= limit) {
      root = /* @__PURE__ */ new Map();
      size = 0;
      return value;
    }
    level.set(last, value);
    size++;
    return value;
  };
}

// src/stats/split-gate.ts
var GATE_DEFAULTS = {
  batchSize: 400,
  maxRequests: 1600,
  tolerancePoints: 10,
  falseFailureBudget: 1e-4,
  missBudget: 0.01
};
function gateDesign(settings = {}) {
  const design = { ...GATE_DEFAULTS, ...settings };
  const { batchSize, maxRequests, tolerancePoints, falseFailureBudget, missBudget } = design;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`the batch size must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(maxRequests) || maxRequests < batchSize) {
    throw new RangeError(
      `the request cap must be an integer of at least the batch size (${batchSize}), got ${maxRequests}`
    );
  }
  if (!(tolerancePoints > 0 && tolerancePoints < 100))
    throw new RangeError(
      `the split tolerance must be between 0 and 100 points, got ${tolerancePoints}`
    );
  for (const [name, value] of [
    ["false-failure budget", falseFailureBudget],
    ["miss budget", missBudget]
  ]) {
    if (!(value > 0 && value < 1))
      throw new RangeError(`the ${name} must be in (0, 1), got ${value}`);
  }
  return design;
}
function batchSizes(design) {
  const sizes = [];
  for (let sent = 0; sent < design.maxRequests; sent += design.batchSize) {
    sizes.push(Math.min(design.batchSize, design.maxRequests - sent));
  }
  return sizes;
}
function maxStages(design) {
  return Math.ceil(design.maxRequests / design.batchSize);
}
function deviationLevel(design, revisions) {
  return design.falseFailureBudget / (maxStages(design) * revisions);
}
function misrouteLevel(design, revisions) {
  return design.missBudget / (maxStages(design) * revisions * 2);
}
function lookBounds(shares, n, stage, design) {
  if (shares.length < 2) throw new RangeError("the split gate needs two or more revisions");
  const stages = maxStages(design);
  if (!Number.isInteger(stage) || stage < 1 || stage > stages)
    throw new RangeError(`look ${stage} is outside 1..${stages}`);
  const alpha = deviationLevel(design, shares.length);
  const beta = misrouteLevel(design, shares.length);
  const tolerance = design.tolerancePoints / 100;
  const revisions = shares.map(({ revision, share }) => {
    if (!(share > 0 && share < 1))
      throw new RangeError(`share of ${revision} must be in (0, 1), got ${share}`);
    return { revision, share, ...countBounds(n, share, tolerance, alpha, beta) };
  });
  return { n, stage, maxStages: stages, alpha, beta, revisions };
}
function classifyCounts(bounds, counts2) {
  const deviating = bounds.revisions.map(
    ({ band }, index) => counts2[index] < band.low || counts2[index] > band.high
  );
  const misrouteRuledOut = bounds.revisions.every(
    ({ ruledOut }, index) => counts2[index] >= ruledOut.low && counts2[index] <= ruledOut.high
  );
  const decision = deviating.includes(true) ? "deviates" : misrouteRuledOut || bounds.stage === bounds.maxStages ? "consistent" : "continue";
  return { decision, deviating, misrouteRuledOut };
}
function decideStage(active, stage, design) {
  const n = active.reduce((sum, revision) => sum + revision.count, 0);
  const bounds = lookBounds(active, n, stage, design);
  const classification = classifyCounts(
    bounds,
    active.map((revision) => revision.count)
  );
  const looks = active.map((revision, index) => ({
    revision: revision.revision,
    share: revision.share,
    count: revision.count,
    pValue: distribution(n, revision.share).twoSidedP(revision.count),
    band: bounds.revisions[index].band,
    ruledOut: bounds.revisions[index].ruledOut,
    deviates: classification.deviating[index]
  }));
  const { alpha, beta, maxStages: stages } = bounds;
  return { ...classification, n, stage, maxStages: stages, looks, alpha, beta };
}
var boundsMemo = numberKeyedMemo(4096);
var distributionMemo = numberKeyedMemo(64);
function distribution(n, p) {
  return distributionMemo([n, p], () => binomialDistribution(n, p));
}
function countBounds(n, share, tolerance, alpha, beta) {
  return boundsMemo(
    [n, share, tolerance, alpha, beta],
    () => computeBounds(n, share, tolerance, alpha, beta)
  );
}
function computeBounds(n, share, tolerance, alpha, beta) {
  const atShare = distribution(n, share);
  const accepted = (x) => atShare.twoSidedP(x) >= alpha;
  const mean = n * share;
  const low = firstTrue(0, Math.floor(mean), accepted);
  const high = lastTrue(Math.ceil(mean), n, accepted);
  const band = { low, high };
  let ruledHigh = n;
  if (share + tolerance < 1) {
    const above = distribution(n, share + tolerance);
    ruledHigh = lastTrue(0, n, (x) => above.lowerTail(x) < beta);
  }
  let ruledLow = 0;
  if (share - tolerance > 0) {
    const below = distribution(n, share - tolerance);
    ruledLow = firstTrue(0, n, (x) => below.upperTail(x) < beta);
  }
  return { band, ruledOut: { low: ruledLow, high: ruledHigh } };
}
function firstTrue(from, to, predicate) {
  let low = from;
  let high = to + 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (predicate(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
function lastTrue(from, to, predicate) {
  let low = from - 1;
  let high = to;
  while (low < high) {
    const middle = low + high + 1 >> 1;
    if (predicate(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
function uncoveredShares(design, revisions) {
  const alpha = deviationLevel(design, revisions);
  const beta = misrouteLevel(design, revisions);
  const uncovered = [];
  for (let percent2 = 1; percent2 <= 99; percent2++) {
    const { band, ruledOut } = countBounds(
      design.maxRequests,
      percent2 / 100,
      design.tolerancePoints / 100,
      alpha,
      beta
    );
    if (band.low < ruledOut.low || band.high > ruledOut.high) uncovered.push(percent2);
  }
  return uncovered;
}

// src/config/inputs.ts
var envInputReader = (name) => (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
var DOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;
var LABEL_PREFIX = /^[A-Za-z0-9][-A-Za-z0-9_.:/ ]{0,48}$/;
var VERSION = /^v?\d+\.\d+\.\d+$/;
var INPUT_DEFAULTS = {
  manifests: "knative",
  "label-prefix": "canary-",
  requests: "400",
  "max-requests": "1600",
  "split-tolerance": "10",
  "dry-run": "false",
  "k3d-version": "v5.9.0",
  "k3s-image": "rancher/k3s:v1.34.8-k3s1",
  "knative-version": "1.22.1",
  "net-contour-version": "1.22.1",
  "kubectl-version": "v1.34.2",
  agents: "2",
  "keep-cluster": "false",
  domain: "example.com",
  "load-balancer-port": "8081",
  "agent-port": "8082",
  "timeout-minutes": "15",
  comment: "always",
  "fail-on-deviation": "true",
  "compare-requests": "200",
  "latency-threshold": "",
  "fail-on-regression": "true",
  "cold-start": "false",
  cluster: "k3d",
  ttl: "7d",
  mode: "preview"
};
function parseInputs(read = envInputReader) {
  const get2 = (name) => read(name) || INPUT_DEFAULTS[name] || "";
  const labels = get2("labels");
  const mirror = get2("release-mirror");
  const k3sImage = matching(
    "k3s-image",
    get2("k3s-image"),
    /^[\w./-]+:v\d+\.\d+\.\d+[-+\w.]*$/,
    "an image like rancher/k3s:v1.34.8-k3s1"
  );
  const knativeVersion = matching(
    "knative-version",
    get2("knative-version"),
    VERSION,
    "a release like 1.22.1"
  ).replace(/^v/, "");
  const requests = integer("requests", get2("requests"), 1, 1e5);
  const maxRequests = integer("max-requests", get2("max-requests"), 1, 1e6);
  if (maxRequests < requests)
    throw bad(
      "max-requests",
      String(maxRequests),
      `a number of requests at least as large as 'requests' (${requests})`
    );
  const splitTolerance = integer("split-tolerance", get2("split-tolerance"), 1, 50);
  const compatibility = checkCompatibility(k3sImage, knativeVersion);
  const existing = existingModeInputs(read, get2);
  return {
    githubToken: read("github-token"),
    manifests: checkManifestsPath(
      nonEmpty("manifests", get2("manifests"), "a path relative to the workspace, e.g. knative")
    ),
    labelPrefix: matching(
      "label-prefix",
      get2("label-prefix"),
      LABEL_PREFIX,
      "letters, digits and - _ . : / (e.g. canary-)"
    ),
    labelOverride: labels ? labels.split(",").map((l) => l.trim()).filter(Boolean) : void 0,
    requests,
    maxRequests,
    splitTolerance,
    dryRun: boolean("dry-run", get2("dry-run")),
    k3dVersion: matching(
      "k3d-version",
      get2("k3d-version"),
      /^v\d+\.\d+\.\d+$/,
      "a k3d release tag like v5.9.0"
    ),
    k3sImage,
    knativeVersion,
    netContourVersion: matching(
      "net-contour-version",
      get2("net-contour-version"),
      VERSION,
      "a release like 1.22.1"
    ).replace(/^v/, ""),
    kubectlVersion: matching(
      "kubectl-version",
      get2("kubectl-version"),
      /^v\d+\.\d+\.\d+$/,
      "a release like v1.34.2"
    ),
    agents: integer("agents", get2("agents"), 0, 5),
    clusterName: read("cluster-name") ? matching(
      "cluster-name",
      read("cluster-name"),
      /^[a-z][-a-z0-9]{0,30}[a-z0-9]$/,
      "lowercase letters, digits and dashes, 2..32 characters, starting with a letter"
    ) : "",
    keepCluster: boolean("keep-cluster", get2("keep-cluster")),
    domain: matching(
      "domain",
      get2("domain").toLowerCase(),
      DOMAIN,
      "a DNS domain with at least two labels, e.g. example.com (not svc.cluster.local)",
      (d) => !d.endsWith("cluster.local")
    ),
    loadBalancerPort: integer("load-balancer-port", get2("load-balancer-port"), 1, 65535),
    agentPort: integer("agent-port", get2("agent-port"), 1, 65535),
    k3dArgs: lines(get2("k3d-args")),
    build: lines(get2("build")),
    releaseMirror: mirror ? validateReleaseMirror(mirror) : void 0,
    timeoutMinutes: integer("timeout-minutes", get2("timeout-minutes"), 1, 120),
    comment: oneOf("comment", get2("comment"), ["always", "on-change", "off"]),
    failOnDeviation: boolean("fail-on-deviation", get2("fail-on-deviation")),
    compareRequests: integer("compare-requests", get2("compare-requests"), 0, 1e4),
    latencyThreshold: percentOrEmpty("latency-threshold", get2("latency-threshold")),
    failOnRegression: boolean("fail-on-regression", get2("fail-on-regression")),
    coldStart: boolean("cold-start", get2("cold-start")),
    ...existing,
    notes: [...compatibility.warnings, ...gateNotes(requests, maxRequests, splitTolerance)]
  };
}
function gateNotes(requests, maxRequests, tolerance) {
  const design = gateDesign({ batchSize: requests, maxRequests, tolerancePoints: tolerance });
  const uncovered = uncoveredShares(design, 2);
  if (uncovered.length === 0) return [];
  const shown2 = uncovered.length > 6 ? `${uncovered.slice(0, 6).join("%, ")}%, \u2026` : `${uncovered.join("%, ")}%`;
  return [
    `With max-requests ${maxRequests} and split-tolerance ${tolerance}, a misroute of ${tolerance} points is not always caught with 99% probability (configured shares ${shown2}): raise max-requests or split-tolerance.`
  ];
}
function existingModeInputs(read, get2) {
  const cluster = oneOf("cluster", get2("cluster"), ["k3d", "existing"]);
  const mode = oneOf("mode", get2("mode"), ["preview", "cleanup", "sweep"]);
  if (mode !== "preview" && cluster !== "existing")
    throw new UserError(
      `Input 'mode' is '${mode}', which only applies to 'cluster: existing' (a k3d preview is deleted with its run). Set cluster: existing, or leave mode at preview.`
    );
  const namespace = read("namespace");
  if (namespace && !isValidNamespaceName(namespace))
    throw bad("namespace", namespace, namespaceProblem(namespace));
  const ttlText = get2("ttl");
  const ttl = parseTtl(ttlText);
  if (!ttl) throw bad("ttl", ttlText, "a number with s, m, h or d, from 1s to 365d (e.g. 7d, 12h)");
  const address = read("ingress-address");
  const registryText = read("registry");
  let registry;
  if (registryText) {
    const parsed = parseRegistry(registryText);
    if (!parsed.ok) throw bad("registry", registryText, parsed.expected);
    registry = parsed.value;
  }
  return {
    cluster,
    // Never trimmed differently from what was registered as a secret: the reader trims once.
    kubeconfig: read("kubeconfig"),
    namespace,
    ttl,
    mode,
    ingressAddress: address ? hostPort("ingress-address", address) : void 0,
    registry
  };
}
function hostPort(name, value) {
  const match = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?|\[[0-9a-f:.]+\]):(\d{1,5})$/i.exec(value);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535)
    throw bad(
      name,
      value,
      "host:port of the cluster ingress, e.g. 203.0.113.10:80 or ingress.example.com:80 (no scheme, no path)"
    );
  return value.toLowerCase();
}
function bad(name, value, allowed) {
  return new UserError(
    `Input '${name}' has the value '${value}', which is not allowed: expected ${allowed}.`
  );
}
function nonEmpty(name, value, allowed) {
  if (!value) throw bad(name, value, allowed);
  return value;
}
function matching(name, value, pattern, allowed, extra) {
  if (!pattern.test(value) || extra && !extra(value)) throw bad(name, value, allowed);
  return value;
}
function integer(name, value, min, max) {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw bad(name, value, `a whole number from ${min} to ${max}`);
  return n;
}
function percentOrEmpty(name, value) {
  if (value === "") return void 0;
  const n = /^\d{1,4}(\.\d{1,2})?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 1e3))
    throw bad(name, value, "empty (report only) or a percentage from 0 to 1000, e.g. 20 or 12.5");
  return n;
}
function boolean(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw bad(name, value, "true or false");
}
function oneOf(name, value, allowed) {
  if (!allowed.includes(value))
    throw bad(name, value, `one of ${allowed.join(", ")}`);
  return value;
}
function lines(value) {
  return value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
}

// src/compare/types.ts
function isCompared(outcome) {
  return outcome !== void 0 && !("notCompared" in outcome);
}

// src/stats/judge.ts
function judgeSplit(observed, expectedPercent, options = {}) {
  const label = options.label ?? ((revision) => `revision ${revision}`);
  const total = Object.values(observed).reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return {
      verdict: "unmeasurable",
      test: "none",
      done: true,
      reason: "no response could be attributed to a revision, so the split cannot be judged"
    };
  }
  const unexpected = Object.entries(observed).filter(
    ([revision, count]) => count > 0 && !((expectedPercent[revision] ?? 0) > 0)
  );
  if (unexpected.length > 0) {
    const [revision, count] = unexpected.sort((a, b) => b[1] - a[1])[0];
    const configured = expectedPercent[revision] === void 0 ? "not in the split" : "configured for 0%";
    return {
      verdict: "deviates",
      test: "exact-split",
      done: true,
      reason: `${label(revision)} is ${configured} but answered ${count} of ${total} attributed responses`
    };
  }
  const active = Object.entries(expectedPercent).filter(([, percent2]) => percent2 > 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  if (active.length === 0)
    throw new RangeError("the configured split gives no revision any traffic");
  if (active.length === 1) {
    const [revision] = active[0];
    return {
      verdict: "consistent",
      test: "exact-split",
      done: true,
      reason: `all ${total} attributed responses came from ${label(revision)}, which is configured for 100%`
    };
  }
  const design = options.design ?? GATE_DEFAULTS;
  const weightSum = active.reduce((sum, [, percent2]) => sum + percent2, 0);
  const outcome = decideStage(
    active.map(([revision, percent2]) => ({
      revision,
      share: percent2 / weightSum,
      count: observed[revision] ?? 0
    })),
    options.stage ?? maxStages(design),
    design
  );
  const gate = {
    stages: outcome.stage,
    maxStages: outcome.maxStages,
    n: outcome.n,
    band: Object.fromEntries(
      outcome.looks.map((look) => [
        look.revision,
        { low: percentOf(look.band.low, outcome.n), high: percentOf(look.band.high, outcome.n) }
      ])
    ),
    tolerance: design.tolerancePoints,
    misrouteRuledOut: outcome.misrouteRuledOut,
    alphaPerTest: outcome.alpha
  };
  return {
    verdict: outcome.decision === "deviates" ? "deviates" : "consistent",
    test: "binomial",
    pValue: Math.min(...outcome.looks.map((look) => look.pValue)),
    done: outcome.decision !== "continue",
    gate,
    reason: gateReason(outcome, design, label, options.focus)
  };
}
function percentOf(count, n) {
  return n === 0 ? 0 : Math.round(1e4 * count / n) / 100;
}
function gateReason(outcome, design, label, focus) {
  const { looks, n } = outcome;
  const tolerance = `a misroute of ${design.tolerancePoints} points or more`;
  const shareText = (look) => percentText(100 * look.count / n);
  const bandText = (look) => `${(100 * look.band.low / n).toFixed(1)}\u2013${(100 * look.band.high / n).toFixed(1)}%`;
  const bandOf = (look) => `${bandText(look)}, the band a correct ${percentText(100 * look.share)} share stays in`;
  const described = looks.length === 2 ? looks.find((look) => look.revision === focus) ?? [...looks].sort((a, b) => a.share - b.share)[0] : void 0;
  if (outcome.decision === "deviates") {
    const outside = looks.filter((look) => look.deviates).sort((a, b) => a.pValue - b.pValue);
    const shown2 = described ?? outside[0];
    const others = described ? 0 : outside.length - 1;
    const more = others > 0 ? `; ${others} more revision${others === 1 ? " is" : "s are"} outside ${others === 1 ? "its band" : "their bands"}` : "";
    return `${label(shown2.revision)} answered ${shareText(shown2)} (n = ${n}), outside ${bandOf(shown2)}: exact binomial ${formatP(shown2.pValue)}, under the per-look threshold ${formatLevel(outcome.alpha)}, so it counts as a deviation${more}`;
  }
  const verdictTail = () => {
    if (outcome.decision === "continue")
      return `borderline: ${tolerance} is not ruled out yet, so another batch follows`;
    return outcome.misrouteRuledOut ? `${tolerance} is ruled out` : `too few attributed responses to rule out ${tolerance}`;
  };
  if (described) {
    return `${label(described.revision)} answered ${shareText(described)} (n = ${n}), inside ${bandOf(described)}; a share outside it would have counted as a deviation; ${verdictTail()}`;
  }
  const each = looks.map(
    (look) => `${label(look.revision)} ${shareText(look)} in ${bandText(look)} (configured ${percentText(100 * look.share)})`
  ).join(", ");
  return `every revision answered inside the band a correct split stays in (n = ${n}): ${each}; a share outside its band would have counted as a deviation; ${verdictTail()}`;
}
function percentText(percent2) {
  return `${Number(percent2.toFixed(1))}%`;
}
function formatLevel(level) {
  return level >= 1e-3 ? String(Number(level.toPrecision(2))) : level.toExponential(1);
}
function formatP(pValue) {
  if (pValue < 1e-300) return "p < 1e-300";
  return pValue < 1e-3 ? `p = ${pValue.toExponential(1)}` : `p = ${Number(pValue.toPrecision(2))}`;
}

// src/report/mermaid.ts
var UNSAFE_IN_LABEL = /[^A-Za-z0-9 ._/-]/g;
function mermaidText(text2, maxLength = 40) {
  const flat = stripUnsafe(text2).replace(/\s+/g, " ").trim();
  const safe = truncate(flat.replace(UNSAFE_IN_LABEL, "_"), maxLength);
  return safe === "" ? "_" : safe;
}
function mermaidNumber(value, decimals = 0) {
  if (!Number.isFinite(value)) throw new RangeError(`a chart value must be finite, got ${value}`);
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6)) {
    throw new RangeError(`decimals must be an integer in 0..6, got ${decimals}`);
  }
  const bounded = Math.max(-1e9, Math.min(1e9, value));
  return String(Number(bounded.toFixed(decimals)));
}

// src/report/comparison-chart.ts
var MAX_CHART_SERVICES = 6;
var LABEL_CHARS = 24;
var PERCENTILES = ["p50", "p95", "p99"];
var VERDICT_ORDER = { slower: 0, faster: 1, same: 2, unmeasurable: 3 };
function comparisonChart(entries, maxServices = MAX_CHART_SERVICES) {
  const measured = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.comparison.latency.verdict !== "unmeasurable").sort(
    (a, b) => VERDICT_ORDER[a.entry.comparison.latency.verdict] - VERDICT_ORDER[b.entry.comparison.latency.verdict] || a.index - b.index
  ).map(({ entry }) => entry);
  if (measured.length === 0) return "";
  const shown2 = measured.slice(0, Math.max(1, maxServices));
  const categories = [];
  const bars = [];
  const used = /* @__PURE__ */ new Set();
  for (const { service, comparison } of shown2) {
    const name = uniqueLabel(mermaidText(service, LABEL_CHARS), used);
    for (const p of PERCENTILES) {
      categories.push(`"${name} ${p}"`);
      bars.push(100 * comparison.latency.pr[p] / comparison.latency.base[p]);
    }
  }
  const top = Math.ceil(Math.max(100, ...bars) * 1.1 / 10) * 10;
  const lines2 = [
    "```mermaid",
    "xychart-beta horizontal",
    '  title "PR latency in percent of base"',
    `  x-axis [${categories.join(", ")}]`,
    `  y-axis "percent of base latency" 0 --> ${mermaidNumber(top)}`,
    `  bar [${bars.map((value) => mermaidNumber(value)).join(", ")}]`,
    `  line [${bars.map(() => "100").join(", ")}]`,
    "```"
  ];
  const hidden = measured.length - shown2.length;
  const unmeasured = entries.length - measured.length;
  const caption = `_Bars: the PR's latency at p50, p95 and p99 as a percentage of the base's at the same percentile; the line marks the base (100%).` + (hidden > 0 ? ` ${hidden} more ${services(hidden)} not charted.` : "") + (unmeasured > 0 ? ` ${unmeasured} ${services(unmeasured)} without latencies to compare.` : "") + "_";
  return `${lines2.join("\n")}

${caption}`;
}
function uniqueLabel(label, used) {
  let candidate = label;
  for (let n = 2; used.has(candidate); n++) candidate = `${label}-${n}`;
  used.add(candidate);
  return candidate;
}
function services(count) {
  return count === 1 ? "service" : "services";
}

// src/stats/percentile.ts
function percentile(sortedAscending, p) {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const n = sortedAscending.length;
  if (n === 0) return 0;
  const rank = Math.max(1, Math.ceil(p / 100 * n));
  return sortedAscending[rank - 1];
}
function percentiles(values, ps) {
  const sorted2 = Float64Array.from(values).sort();
  const asArray = Array.from(sorted2);
  return ps.map((p) => percentile(asArray, p));
}

// src/util/round.ts
function roundTo(value, decimals) {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

// src/compare/cold-start.ts
function summarizeColdStarts(samplesMs) {
  if (samplesMs.length === 0)
    throw new RangeError("a cold-start summary needs at least one sample");
  for (const value of samplesMs) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`cold-start samples must be finite and >= 0 ms, got ${value}`);
    }
  }
  const rounded = samplesMs.map((ms) => roundTo(ms, 1));
  const sorted2 = [...rounded].sort((a, b) => a - b);
  return { samplesMs: rounded, medianMs: percentile(sorted2, 50) };
}
function coldStartReasonText(notMeasured2) {
  switch (notMeasured2.reason) {
    case "min-scale":
      return `min-scale is ${notMeasured2.minScale}, so the revision never scales to zero`;
    case "scale-to-zero-disabled":
      return "scale to zero is disabled (config-autoscaler enable-scale-to-zero: false)";
    case "autoscaler-class":
      return `its autoscaler class ${notMeasured2.autoscalerClass} never scales to zero`;
    case "timed-out": {
      const pods = notMeasured2.pods === void 0 ? "" : `; ${notMeasured2.pods} pod${notMeasured2.pods === 1 ? " was" : "s were"} still running`;
      const seen = notMeasured2.lastSeen ? ` (${notMeasured2.lastSeen})` : "";
      return `the revision did not scale to zero within ${Math.round(notMeasured2.waitedMs / 1e3)} s${pods}${seen}`;
    }
    case "failed":
      return `the cold request failed: ${notMeasured2.error}`;
  }
}

// src/report/render-comparison.ts
var LATENCY_HEADINGS = { slower: "\u{1F422}", faster: "\u{1F680}", same: "\u2705", unmeasurable: "\u2754" };
function comparisonSection(comparison, options = {}) {
  const { latency, errors, coldStart } = comparison;
  const how = options.requestsPerSide === void 0 ? "" : ` \xB7 ${options.requestsPerSide} requests to each revision's tag, interleaved; the errors also count the split probe's answers`;
  const rows = [
    ["Latency p50", ...latencyCells(latency, "p50"), ratioCell(latency)],
    ["Latency p95", ...latencyCells(latency, "p95"), ""],
    ["Latency p99", ...latencyCells(latency, "p99"), ""],
    [
      "Errors",
      errorCell(errors.base),
      errorCell(errors.pr),
      `Fisher's exact test ${pValueText(errors.p)}`
    ]
  ];
  if (coldStart) {
    rows.push([
      "Cold start (median)",
      coldStartCell(coldStart.base),
      coldStartCell(coldStart.pr),
      ""
    ]);
  }
  const parts = [
    `**PR vs base**${how}`,
    table(["", "Base", "PR", "PR vs base"], rows, ["l", "r", "r", "l"]),
    latencyVerdictLine(latency)
  ];
  if (errors.regression) parts.push(errorRegressionLine(errors, options.sampleChars ?? 200));
  return parts.join("\n\n");
}
function latencyVerdictLine(latency) {
  const icon = LATENCY_HEADINGS[latency.verdict];
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const test = `Mann\u2013Whitney U test ${pValueText(latency.p ?? void 0)}, \u03B1 = ${latency.alpha}`;
  if (latency.verdict === "unmeasurable" || latency.ratio === null) {
    const side2 = latency.base.samples === 0 ? "the base" : "the PR";
    return `${icon} **Latency: not compared**: ${side2} had no successful answer to time.`;
  }
  const ratio = `${latency.ratio.toFixed(2)}\xD7`;
  if (latency.verdict === "slower" || latency.verdict === "faster") {
    return `${icon} **Latency: ${latency.verdict}**: the PR's median is ${ratio} the base's (${test}; the difference exceeds the ${margin} margin).`;
  }
  return `${icon} **Latency: same**: the PR's median is ${ratio} the base's (${test}; ${sameReason(latency)}; \`faster\` or \`slower\` needs both p < \u03B1 and the medians more than ${margin} apart).`;
}
function sameReason(latency) {
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const significant = latency.p !== null && latency.p < latency.alpha;
  if (!significant) return "no significant difference";
  const beyondMargin = latency.ratio !== null && Math.abs(latency.ratio - 1) > latency.margin;
  return beyondMargin ? "significant, but the test and the medians point in opposite directions" : `significant, but the medians are within the ${margin} margin`;
}
function errorRegressionLine(errors, sampleChars) {
  let line = `\u274C **Errors: the PR fails more often**: ${rate(errors.pr)} against the base's ${rate(errors.base)} (one-sided Fisher's exact test ${pValueText(errors.pHigher)}, \u03B1 = ${errors.alpha}).`;
  const common = errors.pr.mostCommon;
  if (common) {
    line += ` Most common in the comparison: ${codeSpan(common.kind, { maxLength: 80 })} (${common.count}\xD7)`;
    line += common.sample && sampleChars > 0 ? `, e.g. ${codeSpan(common.sample, { maxLength: sampleChars })}.` : ".";
  }
  return line;
}
function latencyCells(latency, p) {
  const cell = (side2) => side2.samples === 0 ? "\u2013" : milliseconds(side2[p]);
  return [cell(latency.base), cell(latency.pr)];
}
function ratioCell(latency) {
  if (latency.ratio === null) return "\u2013";
  const interval = latency.interval ? ` (95% CI ${latency.interval.low.toFixed(2)}\u2013${latency.interval.high.toFixed(2)})` : "";
  return `median ${latency.ratio.toFixed(2)}\xD7${interval}`;
}
function rate(counts2) {
  const percent2 = counts2.total === 0 ? 0 : 100 * counts2.errors / counts2.total;
  return `${counts2.errors} of ${counts2.total} (${percent2.toFixed(1)}%)`;
}
function errorCell(counts2) {
  return counts2.total === 0 ? "\u2013" : rate(counts2);
}
function coldStartCell(side2) {
  if (!side2.measured) {
    return `_not measured: ${escapeInline(coldStartReasonText(side2.notMeasured), 160)}_`;
  }
  const n = side2.samplesMs.length;
  return `${seconds(side2.medianMs)} (${n} sample${n === 1 ? "" : "s"})`;
}
function seconds(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(2)} s` : milliseconds(ms);
}
function autoscalerNote(settings) {
  const list2 = Object.entries(settings).map(
    ([key, value]) => `${codeSpan(key, { maxLength: 60 })}: ${codeSpan(value, { maxLength: 40 })}`
  ).join(", ");
  return `_To measure cold starts in seconds, this run shortened Knative's autoscaler windows in its ephemeral cluster (${codeSpan("config-autoscaler")} ${list2})._`;
}
function regressionsBlock(regressions, services2, sampleChars) {
  if (!regressions?.length) return "";
  const ordered = [...regressions].sort((a, b) => Number(b.failsRun) - Number(a.failsRun));
  return ordered.map((r) => {
    const name = codeSpan(r.service, { maxLength: 80 });
    const compared = services2.find((s) => s.service === r.service)?.comparison;
    let line;
    if (r.kind === "latency" && r.detail !== void 0) line = `${name} is slower: ${r.detail}.`;
    else if (r.kind === "errors" && isCompared(compared)) {
      line = `${name}: ${errorRegressionLine(compared.errors, sampleChars).replace(/^❌ /, "")}`;
    } else line = escapeInline(r.message, 600);
    return r.failsRun ? `\u274C ${line}` : `\u26A0\uFE0F ${line} _(reported only: fail-on-regression is off)_`;
  }).join("\n\n");
}
function runChart(services2, maxServices) {
  if (maxServices <= 0) return "";
  const entries = [];
  for (const result of services2) {
    if (isCompared(result.comparison))
      entries.push({ service: result.service, comparison: result.comparison });
  }
  return comparisonChart(entries, maxServices);
}

// src/report/render-parts.ts
var FULL_DETAIL = {
  maxServices: 20,
  maxRevisionRows: 20,
  maxTagRows: 20,
  maxSamples: 3,
  sampleChars: 200,
  failureChars: 4e3,
  chartServices: MAX_CHART_SERVICES
};
var STATUS_HEADLINES = {
  consistent: "\u2705 Knative preview: the measured split is consistent with the configured one",
  deviates: "\u26A0\uFE0F Knative preview: the measured split deviates from the configured one",
  unmeasurable: "\u2754 Knative preview: the split could not be measured",
  failed: "\u274C Knative preview failed",
  planned: "\u{1F4DD} Knative preview: planned (dry run, nothing deployed)",
  deploying: "\u23F3 Knative preview: deploying\u2026"
};
function headline(report) {
  if (report.status === "failed" && report.failure) {
    return `### \u274C Knative preview failed in phase ${codeSpan(report.failure.phase, { maxLength: 80 })}`;
  }
  const failing = (report.regressions ?? []).filter((r) => r.failsRun);
  if (failing.length > 0) {
    const slower = failing.some((r) => r.kind === "latency");
    const errors = failing.some((r) => r.kind === "errors");
    const what = [slower ? "is slower" : "", errors ? "fails more often" : ""].filter(Boolean).join(" and ");
    const split = report.status === "deviates" ? ", and the measured split deviates" : "";
    return `### \u274C Knative preview: the PR ${what} than the base${split}`;
  }
  return `### ${STATUS_HEADLINES[report.status]}`;
}
function runLogUrl(context) {
  if (!context.runId || !/^\d+$/.test(context.runId)) return void 0;
  const base = `${repositoryUrl(context.serverUrl, context.repository)}/actions/runs/${context.runId}`;
  return context.runAttempt && /^\d+$/.test(context.runAttempt) ? `${base}/attempts/${context.runAttempt}` : base;
}
function commitsLine(plan, context) {
  const parts = [];
  if (plan.baseSha)
    parts.push(`Base ${commitLink(context.serverUrl, context.repository, plan.baseSha)}`);
  parts.push(`PR ${commitLink(context.serverUrl, context.repository, plan.headSha)}`);
  if (plan.pullRequest) {
    parts.push(
      `${escapeInline(plan.pullRequest.headRef, 120)} \u2192 ${escapeInline(plan.pullRequest.baseRef, 120)}`
    );
  }
  const log2 = runLogUrl(context);
  if (log2) parts.push(`[run log](${log2})`);
  return parts.join(" \xB7 ");
}
function splitSentence(plan, context) {
  const { prPercent, label } = plan.split;
  const prefix = context.labelPrefix;
  const how = `To change it, set one label ${codeSpan(`${prefix}0`)} \u2026 ${codeSpan(`${prefix}100`)} (percent of traffic for the PR); without one the PR gets 100%.`;
  if (plan.services.length === 0)
    return `The split was not decided: the run failed while planning. ${how}`;
  if (plan.services.every((s) => s.mode === "single")) {
    return `Single revision of the workspace (no base to compare); it gets 100% of the traffic.`;
  }
  const source = label ? `set by the label ${codeSpan(label, { maxLength: 80 })}` : `no ${codeSpan(`${prefix}N`)} label, so the PR gets all of it`;
  return `The PR revision gets **${prPercent}%** of the traffic and the base **${100 - prPercent}%**, ${source}. ${how}`;
}
function percent(value) {
  return `${value.toFixed(1)}%`;
}
function milliseconds(value) {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}
function pValueText(p) {
  if (p === void 0 || !Number.isFinite(p)) return "p n/a";
  if (p < 1e-3) return "p < 0.001";
  return `p = ${p.toPrecision(2)}`;
}
var TEST_NAMES = {
  binomial: "exact binomial test",
  "exact-split": "exact check (a revision configured at 0% may not answer at all)",
  none: "no test"
};
var VERDICT_ICONS = { consistent: "\u2705", deviates: "\u26A0\uFE0F", unmeasurable: "\u2754" };
function omitted(count, what) {
  return `_${count} more ${what} not shown here; see the job summary._`;
}
function trafficTable(result, limits) {
  const rows = result.revisions.slice(0, limits.maxRevisionRows).map((r) => [
    codeSpan(r.revision, { inTable: true, maxLength: 80 }),
    r.side === "pr" ? "PR" : "base",
    `${r.configuredPercent}%`,
    String(r.responses),
    r.responses === 0 ? "\u2013" : `${percent(r.observedPercent)} (${r.interval.low.toFixed(1)}\u2013${r.interval.high.toFixed(1)})`,
    String(r.errors),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p50),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p95)
  ]);
  if (result.unattributed.count > 0) {
    rows.push([
      "_unattributed_",
      "\u2013",
      "\u2013",
      String(result.unattributed.count),
      "\u2013",
      String(result.unattributed.errors),
      "\u2013",
      "\u2013"
    ]);
  }
  const header = [
    "Revision",
    "Side",
    "Configured",
    "Responses",
    "Observed (95% CI)",
    "Errors",
    "p50",
    "p95"
  ];
  const text2 = table(header, rows, ["l", "l", "r", "r", "r", "r", "r", "r"]);
  const hidden = result.revisions.length - limits.maxRevisionRows;
  return hidden > 0 ? `${text2}

${omitted(hidden, "revisions")}` : text2;
}
function verdictLine(result) {
  const n = result.revisions.reduce((sum, r) => sum + r.responses, 0);
  const gate = result.gate;
  let stats;
  if (result.test === "none") stats = `n = ${n}`;
  else if (gate) {
    const batches = `${gate.stages} of at most ${gate.maxStages} batch${gate.maxStages === 1 ? "" : "es"}`;
    stats = `${TEST_NAMES[result.test]} after each batch, n = ${gate.n} after ${batches}, ${gatePText(result.pValue)}; a deviation needs p < ${formatLevel(gate.alphaPerTest)}, so a correct split fails at most ${oddsText(result.alpha)} runs`;
  } else {
    stats = `${TEST_NAMES[result.test]}, n = ${n}, ${pValueText(result.pValue)}, \u03B1 = ${result.alpha}`;
  }
  return `${VERDICT_ICONS[result.verdict]} **Verdict: ${result.verdict}** (${stats}). ${escapeInline(result.reason, 600)}`;
}
function gatePText(p) {
  return p === void 0 || !Number.isFinite(p) ? "p n/a" : formatP(p);
}
function oddsText(rate2) {
  return `1 in ${Math.round(1 / rate2).toLocaleString("en-US")}`;
}
function tagChecksTable(checks, limits) {
  if (checks.length === 0) return "";
  const rows = checks.slice(0, limits.maxTagRows).map((t) => [
    codeSpan(t.tag, { inTable: true, maxLength: 60 }),
    codeSpan(`http://${t.host}`, { inTable: true, maxLength: 120 }),
    codeSpan(t.expectedRevision, { inTable: true, maxLength: 80 }),
    `${t.matched === t.requests ? "\u2705" : "\u274C"} ${t.matched}/${t.requests}`,
    limits.sampleChars > 0 && t.sample ? codeSpan(t.sample, { inTable: true, maxLength: limits.sampleChars }) : ""
  ]);
  const text2 = table(["Tag", "URL", "Expected revision", "Matched", "Sample answer"], rows, [
    "l",
    "l",
    "l",
    "r",
    "l"
  ]);
  const hidden = checks.length - limits.maxTagRows;
  return `**Tag checks**

${text2}${hidden > 0 ? `

${omitted(hidden, "tag checks")}` : ""}`;
}
function unattributedSamples(result, limits) {
  const samples = result.unattributed.samples.slice(0, limits.maxSamples);
  if (samples.length === 0 || limits.sampleChars === 0) return "";
  const blocks = samples.map((s) => codeBlock(s, { maxLength: limits.sampleChars })).join("\n\n");
  return details(
    `Unattributed responses (${samples.length} of ${result.unattributed.samples.length} samples)`,
    blocks
  );
}
function hostsLine(service, result) {
  if (result?.links) return linksLine(result.links);
  const host = result?.host ?? service?.host;
  if (!host) return "";
  const tags = service ? [service.tagHosts.base, service.tagHosts.pr].filter((h) => Boolean(h)) : [];
  const tagText = tags.length ? `; tag URLs ${tags.map((h) => codeSpan(`http://${h}`, { maxLength: 120 })).join(", ")}` : "";
  return `Route host ${codeSpan(host, { maxLength: 200 })}${tagText}. _These existed only inside the run's ephemeral cluster; use the commands below to reproduce._`;
}
function linksLine(links) {
  const link = (label, url) => {
    if (!url) return void 0;
    return PLAIN_HTTP_URL.test(url) ? `[${label}](${url})` : `${label} ${codeSpan(url, { maxLength: 200 })}`;
  };
  const parts = [link("route", links.route), link("base", links.base), link("pr", links.pr)].filter(
    (part) => Boolean(part)
  );
  return `\u{1F517} Open the preview: ${parts.join(" \xB7 ")}`;
}
var PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\d{1,5})?$/;
function lifetimeLine(report) {
  const existing = report.existing;
  if (!existing) return "";
  const expires = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(existing.expiresAt) ? `${existing.expiresAt.slice(0, 10)} ${existing.expiresAt.slice(11, 16)} UTC` : escapeInline(existing.expiresAt, 40);
  return `\u{1F552} The preview lives in namespace ${codeSpan(existing.namespace, { maxLength: 80 })} until **${expires}** (each run moves this on). Closing the pull request deletes it; to delete it earlier, run this workflow with ${codeSpan("mode: cleanup")}.`;
}
function serviceHeading(name, namespace) {
  return `#### Service ${codeSpan(name, { maxLength: 80 })} in namespace ${codeSpan(namespace, { maxLength: 80 })}`;
}
function serviceSection(service, result, limits, compareRequests) {
  const parts = [serviceHeading(result.service, result.namespace)];
  if (service?.note) parts.push(`_${escapeInline(service.note, 300)}_`);
  parts.push(trafficTable(result, limits), verdictLine(result));
  const comparison = comparisonPart(result, limits, compareRequests);
  if (comparison) parts.push(comparison);
  const tags = tagChecksTable(result.tagChecks, limits);
  if (tags) parts.push(tags);
  const samples = unattributedSamples(result, limits);
  if (samples) parts.push(samples);
  const hosts = hostsLine(service, result);
  if (hosts) parts.push(hosts);
  return parts.join("\n\n");
}
function comparisonPart(result, limits, compareRequests) {
  const outcome = result.comparison;
  if (!outcome) return "";
  if (!isCompared(outcome)) {
    return `**PR vs base**: not compared: ${escapeInline(outcome.reason, 300)}.`;
  }
  return comparisonSection(outcome, {
    ...compareRequests === void 0 ? {} : { requestsPerSide: compareRequests },
    sampleChars: limits.sampleChars
  });
}
function timingsTable(timings) {
  const entries = Object.entries(timings);
  if (entries.length === 0) return "";
  const total = entries.reduce((sum, [, s]) => sum + s, 0);
  const rows = entries.map(([phase, seconds2]) => [
    escapeInline(phase, 60),
    `${seconds2.toFixed(1)} s`
  ]);
  rows.push(["**total**", `**${total.toFixed(1)} s**`]);
  return details("Phase timings", table(["Phase", "Duration"], rows, ["l", "r"]));
}
function reproduceCommands(plan, context, maxServices, report) {
  const lines2 = [
    reproduceCommand(plan, context).join(" "),
    ...report?.existing ? servedCurlCommands(report, maxServices) : curlCommands(plan, context.loadBalancerPort ?? 8081, maxServices)
  ];
  return details(
    "Reproduce locally",
    codeBlock(lines2.join("\n"), { language: "sh", maxLength: 2e4 })
  );
}
function reproduceCommand(plan, context) {
  const args = [...cliInvocation(context.action)];
  const prefix = context.labelPrefix;
  const label = plan.split.label;
  if (label && label.toLowerCase().startsWith(prefix.toLowerCase()) && /^\d{1,3}$/.test(label.slice(prefix.length))) {
    args.push("--labels", shellQuote(label));
  }
  if (plan.baseSha && SHA.test(plan.baseSha)) args.push("--base", plan.baseSha);
  if (SHA.test(plan.headSha)) args.push("--head", plan.headSha);
  if (context.manifests && context.manifests !== INPUT_DEFAULTS.manifests)
    args.push("--manifests", shellQuote(context.manifests));
  for (const line of context.build ?? []) args.push("--build", shellQuote(line));
  if (String(context.requests) !== INPUT_DEFAULTS.requests)
    args.push("--requests", String(context.requests));
  if (prefix !== INPUT_DEFAULTS["label-prefix"])
    args.push("--input", shellQuote(`label-prefix=${prefix}`));
  return args;
}
var SHA = /^[0-9a-f]{7,64}$/i;
var ACTION_REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
var ACTION_REF = /^(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;
function cliInvocation(action) {
  const repository = action?.repository ?? "";
  if (!ACTION_REPOSITORY.test(repository)) return ["npx", "knative-action"];
  const ref = action?.ref && ACTION_REF.test(action.ref) ? `#${action.ref}` : "";
  return ["npx", shellQuote(`github:${repository}${ref}`)];
}
function curlCommands(plan, port, maxServices) {
  const lines2 = [];
  for (const service of plan.services.slice(0, maxServices)) {
    for (const host of [service.host, service.tagHosts.base, service.tagHosts.pr]) {
      if (host) lines2.push(`curl -H ${hostHeader(host)} http://127.0.0.1:${port}`);
    }
  }
  return lines2;
}
function servedCurlCommands(report, maxServices) {
  return report.services.slice(0, maxServices).flatMap((s) => s.links ? [s.links.route, s.links.base, s.links.pr] : []).filter((url) => url !== void 0 && PLAIN_HTTP_URL.test(url)).map((url) => `curl ${url}`);
}
function hostHeader(host) {
  return /^[A-Za-z0-9.-]+$/.test(host) ? `"Host: ${host}"` : shellQuote(`Host: ${host}`);
}
function changeSincePrevious(previous, report) {
  if (!previous) return "";
  const parts = [];
  for (const result of report.services) {
    const before = previous.services.find((s) => s.name === result.service);
    const prNow = result.revisions.find((r) => r.side === "pr");
    const prBefore = before?.revisions.find((r) => r.side === "pr");
    if (prNow && prBefore?.observedPercent !== void 0) {
      const name = report.services.length > 1 ? `${codeSpan(result.service, { maxLength: 60 })}: ` : "";
      parts.push(
        `${name}previous run ${percent(prBefore.observedPercent)} \u2192 now ${percent(prNow.observedPercent)} to PR`
      );
    }
  }
  const statusChange = previous.status !== report.status ? `status was ${escapeInline(previous.status, 40)}` : "";
  const commit = /^[0-9a-f]{7,64}$/i.test(previous.headSha) ? ` (on \`${previous.headSha.slice(0, 7)}\`)` : "";
  const all = [...parts, statusChange].filter(Boolean);
  return all.length ? `\u2194\uFE0F Since the previous run${commit}: ${all.join("; ")}.` : "";
}
function planTable(plan, maxServices) {
  if (plan.services.length === 0) return "_No plan: the run failed before it was made._";
  const rows = plan.services.slice(0, maxServices).map((s) => [
    codeSpan(s.name, { inTable: true, maxLength: 80 }),
    codeSpan(s.namespace, { inTable: true, maxLength: 80 }),
    escapeInline(s.mode, 20),
    s.revisions.base ? codeSpan(s.revisions.base, { inTable: true, maxLength: 80 }) : "\u2013",
    codeSpan(s.revisions.pr, { inTable: true, maxLength: 80 }),
    s.traffic.map((t) => {
      const target = t.revisionName ?? (t.latestRevision ? "latest" : "?");
      const tag = t.tag ? ` (tag ${t.tag})` : "";
      return codeSpan(`${target}${tag}`, { inTable: true, maxLength: 120 }) + ` ${t.percent}%`;
    }).join("<br>")
  ]);
  const text2 = table(
    ["Service", "Namespace", "Mode", "Base revision", "PR revision", "Traffic"],
    rows
  );
  const hidden = plan.services.length - maxServices;
  return hidden > 0 ? `${text2}

${omitted(hidden, "services")}` : text2;
}
function failureBlock(report, context, maxChars) {
  if (!report.failure) return "";
  const log2 = runLogUrl(context);
  const where = log2 ? ` The [run log](${log2}) has the details.` : "";
  return `**Phase ${codeSpan(report.failure.phase, { maxLength: 80 })} failed:**${where}

` + codeBlock(report.failure.message, { maxLength: maxChars });
}

// src/compare/gates.ts
function latencyGate(thresholdPercent, verdict, ratio) {
  if (thresholdPercent === void 0) return { outcome: "report-only" };
  if (!(Number.isFinite(thresholdPercent) && thresholdPercent >= 0)) {
    throw new RangeError(`latency-threshold must be a percentage >= 0, got ${thresholdPercent}`);
  }
  const limit = 1 + thresholdPercent / 100;
  if (verdict !== "slower" || ratio === null || !(ratio > limit)) return { outcome: "pass", limit };
  return {
    outcome: "fail",
    limit,
    message: `the PR's median latency is ${ratio.toFixed(2)}\xD7 the base's, more than the latency-threshold of ${thresholdPercent}% allows (${limit.toFixed(2)}\xD7)`
  };
}

// src/report/comparison-text.ts
function comparisonText(service, namespace, comparison) {
  const { latency, errors, coldStart } = comparison;
  const rows = [["", "base", "PR", ""]];
  for (const p of ["p50", "p95", "p99"]) {
    const cell = (side2) => side2.samples === 0 ? "-" : milliseconds(side2[p]);
    const note = p === "p50" && latency.ratio !== null ? `ratio ${latency.ratio.toFixed(2)}x` + (latency.interval ? ` (95% CI ${latency.interval.low.toFixed(2)}-${latency.interval.high.toFixed(2)})` : "") : "";
    rows.push([`latency ${p}`, cell(latency.base), cell(latency.pr), note]);
  }
  rows.push([
    "errors",
    errorCell2(errors.base),
    errorCell2(errors.pr),
    `Fisher ${pValueText(errors.p)}`
  ]);
  if (coldStart) {
    rows.push(["cold start", coldStartCell2(coldStart.base), coldStartCell2(coldStart.pr), ""]);
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines2 = rows.map(
    ([label, base, pr, note]) => `  ${label.padEnd(widths[0])}  ${base.padStart(widths[1])}  ${pr.padStart(widths[2])}  ${note}`.trimEnd()
  );
  if (coldStart) {
    for (const [name, side2] of [
      ["base", coldStart.base],
      ["PR", coldStart.pr]
    ]) {
      if (!side2.measured) {
        lines2.push(
          `  cold start (${name}) not measured: ${plain(coldStartReasonText(side2.notMeasured), 200)}`
        );
      }
    }
  }
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const test = `Mann-Whitney U ${pValueText(latency.p ?? void 0)}, alpha ${latency.alpha}, margin ${margin}`;
  const verdict = latency.verdict === "unmeasurable" ? "latency: not compared (a side had no successful answer)" : latency.verdict === "same" ? `latency: same (${test}; ${sameReason(latency)})` : `latency: ${latency.verdict} (${test})`;
  lines2.push(`  ${verdict}`);
  if (errors.regression) {
    lines2.push(
      `  errors: the PR fails more often (one-sided Fisher ${pValueText(errors.pHigher)}, alpha ${errors.alpha})`
    );
  }
  return [`PR vs base: ${plain(service, 80)} (namespace ${plain(namespace, 80)})`, ...lines2].join(
    "\n"
  );
}
function plain(text2, max) {
  return truncate(stripUnsafe(text2).replace(/\s+/g, " ").trim(), max);
}
function errorCell2(counts2) {
  if (counts2.total === 0) return "-";
  return `${counts2.errors}/${counts2.total} (${(100 * counts2.errors / counts2.total).toFixed(1)}%)`;
}
function coldStartCell2(side2) {
  return side2.measured ? `${seconds(side2.medianMs)} (n=${side2.samplesMs.length})` : "not measured";
}
var SAMPLE_CHARS = 200;
function errorRegressionMessage(errors) {
  const rate2 = (e) => `${e.errors} of ${e.total} (${(100 * e.errors / Math.max(1, e.total)).toFixed(1)}%)`;
  let message = `the PR revision failed ${rate2(errors.pr)} requests, the base ${rate2(errors.base)}; one-sided Fisher's exact test ${pValueText(errors.pHigher)} < alpha ${errors.alpha}`;
  const common = errors.pr.mostCommon;
  if (common) {
    message += `. Most common in the comparison: ${plain(common.kind, 80)} (${common.count}\xD7)`;
    if (common.sample) message += `, e.g. ${JSON.stringify(plain(common.sample, SAMPLE_CHARS))}`;
  }
  return message;
}

// src/report/regressions.ts
function findRegressions(services2, settings) {
  const found = [];
  for (const { service, comparison } of services2) {
    if (!isCompared(comparison)) continue;
    const { latency, errors } = comparison;
    const gate = latencyGate(settings.latencyThreshold, latency.verdict, latency.ratio);
    if (gate.outcome === "fail") {
      found.push({
        service,
        kind: "latency",
        message: `${service} is slower: ${gate.message}`,
        detail: gate.message,
        failsRun: settings.failOnRegression
      });
    }
    if (errors.regression) {
      found.push({
        service,
        kind: "errors",
        message: `${service} fails more often: ${errorRegressionMessage(errors)}`,
        failsRun: settings.failOnRegression
      });
    }
  }
  return found;
}
function runFailureMessage(report, failOnDeviation) {
  const parts = [];
  if (failOnDeviation && report.status === "deviates") {
    const reasons = report.services.filter((s) => s.verdict === "deviates").map((s) => `${s.service}: ${s.reason}`);
    parts.push(
      `The observed traffic split deviates from the configured one (fail-on-deviation is on). ${reasons.join("; ")}`
    );
  }
  const failing = (report.regressions ?? []).filter((r) => r.failsRun);
  if (failing.length > 0) {
    parts.push(
      `The PR regressed against the base (fail-on-regression is on): ${failing.map((r) => r.message).join("; ")}`
    );
  }
  return parts.join(" ");
}

// src/git/git-client.ts
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";
function parseTreeEntry(line) {
  const match = /^(\d{6}) (blob|tree|commit) ([0-9a-f]+) +(\d+|-)\t([^]*)$/.exec(line);
  if (!match) throw new Error(`unexpected git ls-tree line: ${JSON.stringify(line.slice(0, 200))}`);
  const [, mode, type, object, size, file] = match;
  return { mode, type, object, size: size === "-" ? void 0 : Number(size), path: file };
}
var GitClient = class _GitClient {
  constructor(git, toplevel) {
    this.git = git;
    this.toplevel = toplevel;
  }
  git;
  toplevel;
  gitDir;
  /** Opens the repository that contains `directory`; undefined when it is not in one. */
  static async open(directory, runner = createToolRunner("git", { kind: "git" })) {
    const result = await runner.run(["rev-parse", "--show-toplevel"], { cwd: directory }).catch(() => void 0);
    if (!result || result.exitCode !== 0) return void 0;
    return new _GitClient(withCwd(runner, result.stdout.trim()), result.stdout.trim());
  }
  async hasCommit(sha) {
    const result = await this.git.run(["cat-file", "-e", `${sha}^{commit}`]);
    return result.exitCode === 0;
  }
  /** Fetches one commit shallowly (actions/checkout's default depth-1 clone lacks the base). */
  async fetchCommit(sha, remote = "origin") {
    await withRetry(
      () => this.git.runOk([
        // Give up on a stalled transfer instead of hanging the job.
        "-c",
        "http.lowSpeedLimit=1000",
        "-c",
        "http.lowSpeedTime=30",
        "fetch",
        "--no-tags",
        "--no-recurse-submodules",
        "--depth=1",
        remote,
        sha
      ]),
      {
        what: `git fetch ${remote} ${sha}`,
        attempts: 3,
        initialDelayMs: 2e3,
        isTransient: (error) => !(error instanceof ToolError && /not our ref|couldn't find remote ref|does not appear to be a git repository|No such remote/i.test(
          error.message
        ))
      }
    );
  }
  /**
   * The entries under `repoPath` at `sha`, recursively, with mode, type and size, so that a
   * caller can refuse links and oversized files before reading anything.
   */
  async listTree(sha, repoPath) {
    const result = await this.git.runOk([
      "ls-tree",
      "-r",
      "-z",
      "--long",
      sha,
      "--",
      repoPath === "" ? "." : repoPath
    ]);
    return result.stdout.split("\0").filter(Boolean).map(parseTreeEntry);
  }
  /**
   * A blob's exact bytes. Tool output comes back decoded as UTF-8, which would replace bytes that
   * are not UTF-8 before anyone could refuse them, so git writes the blob to a file instead
   * (`unpack-file`), in a temporary folder outside the workspace.
   */
  async readBlob(objectId) {
    if (!/^[0-9a-f]{40,64}$/.test(objectId)) throw new Error(`not a git object id: ${objectId}`);
    this.gitDir ??= (await this.git.runOk(["rev-parse", "--absolute-git-dir"])).stdout.trim();
    const scratch = await mkdtemp(path2.join(os.tmpdir(), "knative-action-blob-"));
    try {
      const written = await this.git.runOk([`--git-dir=${this.gitDir}`, "unpack-file", objectId], {
        cwd: scratch
      });
      return await readFile(path2.join(scratch, path2.basename(written.stdout.trim())));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  /** Checks `sha` out in a new detached worktree at `path` (outside the workspace). */
  async addWorktree(path9, sha) {
    await this.git.runOk(["worktree", "add", "--detach", path9, sha]);
  }
  /** Removes a worktree made by addWorktree; false when git could not (the caller decides). */
  async removeWorktree(path9) {
    const result = await this.git.run(["worktree", "remove", "--force", path9]);
    return result.exitCode === 0;
  }
  /** A workspace path as git names it (relative to the top level, forward slashes). */
  repoPath(absolute) {
    return path2.relative(this.toplevel, absolute).split(path2.sep).join("/");
  }
};
function withCwd(runner, cwd) {
  return {
    tool: runner.tool,
    run: (args, options) => runner.run(args, { cwd, ...options }),
    runOk: (args, options) => runner.runOk(args, { cwd, ...options })
  };
}

// src/manifests/commit-source.ts
import path3 from "node:path";

// src/manifests/documents.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/manifests/limits.ts
var MANIFEST_LIMITS = {
  fileBytes: 1024 * 1024,
  // Parsing the most one side may hold then takes seconds, not minutes (npm run bench -- --manifests).
  totalBytes: 4 * 1024 * 1024,
  files: 1e3,
  // Real manifests use a handful of aliases at most; a "billion laughs" file needs many.
  aliases: 50,
  // A Knative service written as JSON nests about 10 deep; the parser slows steeply with depth.
  flowDepth: 100,
  // PATH_MAX on Linux.
  linkTargetBytes: 4096
};
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
var ManifestBudget = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  files = 0;
  bytes = 0;
  /** Call with the size the file system or git reports, before reading the file. */
  admit(file, size) {
    if (size > this.limits.fileBytes)
      throw new UserError(
        `${file} is ${formatBytes(size)}; a manifest file may be at most ${formatBytes(this.limits.fileBytes)}. Split it into several files, or keep generated or binary files out of the manifests folder.`,
        { file }
      );
    if (this.files + 1 > this.limits.files)
      throw new UserError(
        `${file}: the manifests hold more than ${this.limits.files} YAML files, the most one run reads. Point the 'manifests' input at the folder that holds only the Knative manifests.`,
        { file }
      );
    if (this.bytes + size > this.limits.totalBytes)
      throw new UserError(
        `${file}: the manifests read so far and this file come to ${formatBytes(this.bytes + size)}; all manifest files together may be at most ${formatBytes(this.limits.totalBytes)}. Point the 'manifests' input at the folder that holds only the Knative manifests.`,
        { file }
      );
    this.files += 1;
    this.bytes += size;
  }
};

// src/manifests/yaml-stream.ts
var import_yaml = __toESM(require_dist(), 1);
var NestingTooDeep = class extends Error {
  constructor(offset) {
    super("flow collections nest too deeply");
    this.offset = offset;
  }
  offset;
};
function parseYamlStream(text2, lineCounter, maxFlowDepth) {
  const parser = new import_yaml.Parser(lineCounter.addNewLine);
  const composer = new import_yaml.Composer({ prettyErrors: false, uniqueKeys: false });
  function* tokens() {
    lineCounter.addNewLine(0);
    let depth = 0;
    let scalarNext = false;
    for (const lexeme of new import_yaml.Lexer().lex(text2)) {
      if (!scalarNext) {
        if (lexeme === "[" || lexeme === "{") {
          depth += 1;
          if (depth > maxFlowDepth) throw new NestingTooDeep(parser.offset);
        } else if ((lexeme === "]" || lexeme === "}") && depth > 0) depth -= 1;
      }
      scalarNext = lexeme === import_yaml.CST.SCALAR;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  return Array.from(composer.compose(tokens()));
}

// src/manifests/documents.ts
function parseManifestFile(text2, file, limits = MANIFEST_LIMITS) {
  const parse2 = () => {
    const lineCounter = new import_yaml2.LineCounter();
    const lineAt3 = (offset) => lineCounter.linePos(offset).line;
    try {
      return { documents: parseYamlStream(text2, lineCounter, limits.flowDepth), lineAt: lineAt3 };
    } catch (error) {
      if (!(error instanceof NestingTooDeep)) throw error;
      const line = lineAt3(error.offset);
      throw new UserError(
        `${file}:${line}: YAML syntax error: flow collections ([...] or {...}) nest deeper than ${limits.flowDepth} levels; no Kubernetes object needs that many.`,
        { file, line }
      );
    }
  };
  let reparsed;
  const { documents, lineAt: lineAt2 } = parse2();
  const result = [];
  documents.forEach((doc, index) => {
    const error = doc.errors[0];
    if (error) {
      const line = lineAt2(error.pos[0]);
      const what = /call stack/i.test(error.message) ? "the YAML is nested too deeply to read" : firstLine2(error.message);
      throw new UserError(`${file}:${line}: YAML syntax error: ${what}`, { file, line });
    }
    if (doc.contents === null || (0, import_yaml2.isScalar)(doc.contents) && doc.contents.value === null) return;
    const docLine = lineAt2(doc.contents.range?.[0] ?? 0);
    checkStructure(doc, file, lineAt2);
    const value = toPlain(doc, file, docLine, lineAt2, limits.aliases);
    if (!(0, import_yaml2.isMap)(doc.contents)) {
      throw new UserError(
        `${file}:${docLine}: expected a Kubernetes object (a YAML mapping with apiVersion, kind and metadata), found ${describeType(value)}.`,
        { file, line: docLine }
      );
    }
    const object = value;
    const lineOf = (path9) => {
      reparsed ??= parse2();
      const again = reparsed.documents[index];
      return again ? lineOfPath(again, path9, reparsed.lineAt, docLine) : docLine;
    };
    checkShape(object, file, lineOf);
    result.push({ object, source: { file, line: docLine }, lineOf });
  });
  return result;
}
function checkStructure(doc, file, lineAt2) {
  (0, import_yaml2.visit)(doc, {
    Map(_, map) {
      const seen = /* @__PURE__ */ new Map();
      for (const pair of map.items) {
        const key = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : pair.key;
        const first = seen.get(key);
        if (first === void 0) {
          seen.set(key, pair.key);
          continue;
        }
        const line = lineAt2(pair.key?.range?.[0] ?? 0);
        const firstLine3 = lineAt2(first.range?.[0] ?? 0);
        throw new UserError(
          `${file}:${line}: YAML syntax error: the key ${describeKey(key)} is repeated (first at line ${firstLine3}); map keys must be unique.`,
          { file, line }
        );
      }
    },
    Alias(_, alias, path9) {
      const target = alias.resolve(doc);
      if (!target || !path9.includes(target)) return;
      const line = lineAt2(alias.range?.[0] ?? 0);
      throw new UserError(
        `${file}:${line}: the alias *${alias.source.slice(0, 80)} is inside the node it names, which makes the object recursive; write the value out instead.`,
        { file, line }
      );
    }
  });
}
function describeKey(key) {
  const text2 = typeof key === "string" ? key : JSON.stringify(key) ?? "null";
  return `'${JSON.stringify(text2.length > 80 ? `${text2.slice(0, 80)}\u2026` : text2).slice(1, -1)}'`;
}
function toPlain(doc, file, docLine, lineAt2, maxAliases) {
  try {
    return doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) {
      let line = docLine;
      (0, import_yaml2.visit)(doc, {
        Alias(_, alias) {
          line = lineAt2(alias.range?.[0] ?? 0);
          return import_yaml2.visit.BREAK;
        }
      });
      throw new UserError(
        `${file}:${line}: the YAML aliases (*name) in this document expand to more than ${maxAliases} alias uses, counting aliases inside aliases, which is how a "billion laughs" file exhausts memory. Write the repeated values out instead of using anchors (&name) and aliases.`,
        { file, line }
      );
    }
    throw new UserError(`${file}:${docLine}: YAML error: ${firstLine2(message)}`, {
      file,
      line: docLine
    });
  }
}
function lineOfPath(doc, path9, lineAt2, fallback) {
  for (let depth = path9.length; depth >= 0; depth--) {
    const node = doc.getIn(path9.slice(0, depth), true);
    if (node && typeof node === "object" && node.range) return lineAt2(node.range[0]);
  }
  return fallback;
}
function checkShape(object, file, lineOf) {
  const fail = (path9, what) => {
    const line = lineOf(path9);
    throw new UserError(`${file}:${line}: ${what}`, { file, line });
  };
  for (const field of ["apiVersion", "kind"]) {
    if (typeof object[field] !== "string" || !object[field])
      fail(
        [field],
        `every object needs a string '${field}'; this document has ${object[field] === void 0 ? "none" : describeType(object[field])}.`
      );
  }
  if (/List$/.test(String(object.kind)) && Array.isArray(object.items))
    fail(
      ["kind"],
      `kind ${String(object.kind)} is not supported: write each of its items as a document of its own, separated by ---.`
    );
  const metadata = object.metadata;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
    fail(["metadata"], `${String(object.kind)} needs 'metadata' with a 'name'.`);
  const meta = metadata;
  if (typeof meta.name !== "string" || !meta.name)
    fail(
      ["metadata", "name"],
      `${String(object.kind)} needs a string metadata.name (generateName is not supported: revision names are derived from it).`
    );
  if (meta.namespace !== void 0 && typeof meta.namespace !== "string")
    fail(["metadata", "namespace"], "metadata.namespace must be a string.");
}
function describeType(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (value === "") return "an empty string";
  return typeof value === "object" ? "a mapping" : `a ${typeof value}`;
}
function firstLine2(message) {
  return message.split("\n")[0] ?? message;
}

// src/manifests/files.ts
var isManifestFile = (name) => /\.ya?ml$/i.test(name);
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
async function loadManifests(source) {
  const files = await source.readFiles();
  if (!files) return void 0;
  return files.flatMap((file) => parseManifestFile(file.text, file.path));
}

// src/manifests/text-encoding.ts
function decodeManifest(bytes, file) {
  const bom = byteOrderMark(bytes);
  if (bom && bom !== "UTF-8")
    refuse(
      file,
      1,
      `is ${bom} (it starts with a ${bom} byte order mark); manifests must be UTF-8. Save it as UTF-8.`
    );
  const start = bom === "UTF-8" ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    refuse(
      file,
      line,
      `has a NUL byte at byte offset ${nul} (line ${line}): it is binary or UTF-16 without a byte order mark, not UTF-8 text.`
    );
  }
  const invalid = firstInvalidUtf8(bytes, start);
  if (invalid >= 0) {
    const line = lineAt(bytes, invalid);
    refuse(
      file,
      line,
      `is not valid UTF-8: the byte at offset ${invalid} (line ${line}) does not begin a valid UTF-8 character. Save the file as UTF-8 (an editor that wrote Latin-1 or Windows-1252 produces this).`
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString("utf8");
}
function refuse(file, line, what) {
  throw new UserError(`${file} ${what}`, { file, line });
}
function byteOrderMark(b) {
  if (b[0] === 255 && b[1] === 254 && b[2] === 0 && b[3] === 0) return "UTF-32LE";
  if (b[0] === 0 && b[1] === 0 && b[2] === 254 && b[3] === 255) return "UTF-32BE";
  if (b[0] === 239 && b[1] === 187 && b[2] === 191) return "UTF-8";
  if (b[0] === 255 && b[1] === 254) return "UTF-16LE";
  if (b[0] === 254 && b[1] === 255) return "UTF-16BE";
  return void 0;
}
function lineAt(bytes, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}
function firstInvalidUtf8(bytes, start = 0) {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 128) {
      i++;
      continue;
    }
    let length;
    let low = 128;
    let high = 191;
    if (b0 >= 194 && b0 <= 223) length = 2;
    else if (b0 >= 224 && b0 <= 239) {
      length = 3;
      if (b0 === 224) low = 160;
      if (b0 === 237) high = 159;
    } else if (b0 >= 240 && b0 <= 244) {
      length = 4;
      if (b0 === 240) low = 144;
      if (b0 === 244) high = 143;
    } else return i;
    if (i + length > n) return i;
    const b1 = bytes[i + 1];
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k < length; k++) {
      const b = bytes[i + k];
      if (b < 128 || b > 191) return i;
    }
    i += length;
  }
  return -1;
}

// src/manifests/commit-source.ts
var SYMLINK_MODE = "120000";
function commitSource(git, options) {
  const short = options.sha.slice(0, 7);
  const limits = options.limits ?? MANIFEST_LIMITS;
  return {
    description: `base commit ${short}`,
    async readFiles() {
      const relative = checkManifestsPath(options.manifestsPath);
      if (!git) {
        throw new UserError(
          `The workspace '${options.workspace}' is not a git checkout, so the base side (commit ${short}) cannot be read. Check out the repository with actions/checkout (fetch-depth: 0) before this action.`
        );
      }
      if (!await git.hasCommit(options.sha)) {
        if (options.canFetch) await git.fetchCommit(options.sha).catch(() => void 0);
        if (!await git.hasCommit(options.sha)) {
          throw new UserError(
            `The base commit ${options.sha} is not in the checkout and could not be fetched. Use actions/checkout with 'fetch-depth: 0' (or fetch the base branch) so the base side's manifests can be read.`
          );
        }
      }
      const workspaceRoot = git.repoPath(path3.resolve(options.workspace));
      const root = git.repoPath(path3.resolve(options.workspace, relative));
      const entries = await git.listTree(options.sha, root);
      if (entries.length === 0) return void 0;
      const single = entries.length === 1 && entries[0]?.path === root;
      const insideRoot = (file) => root === "" ? file : file.slice(root.length + 1);
      const shown2 = (file) => `${path3.posix.relative(workspaceRoot, file) || path3.posix.basename(file)}@${short}`;
      const budget = new ManifestBudget(limits);
      const files = [];
      for (const entry of [...entries].sort((a, b) => compareCodeUnits(a.path, b.path))) {
        if (!single && isHidden(insideRoot(entry.path))) continue;
        const name = shown2(entry.path);
        if (entry.mode === SYMLINK_MODE) {
          await skipLink(git, entry, name, workspaceRoot, limits);
          continue;
        }
        if (entry.type !== "blob" || !single && !isManifestFile(entry.path)) continue;
        budget.admit(name, entry.size ?? 0);
        files.push({ path: name, text: decodeManifest(await git.readBlob(entry.object), name) });
      }
      return files;
    }
  };
}
async function skipLink(git, entry, name, workspaceRoot, limits) {
  if ((entry.size ?? 0) > limits.linkTargetBytes)
    throw new UserError(`${name} is a symlink whose target is longer than any path.`, {
      file: name
    });
  const target = (await git.readBlob(entry.object)).toString("utf8");
  const lands = path3.posix.normalize(path3.posix.join(path3.posix.dirname(entry.path), target));
  const outside = path3.posix.isAbsolute(target) || lands === ".." || lands.startsWith("../") || workspaceRoot !== "" && lands !== workspaceRoot && !lands.startsWith(`${workspaceRoot}/`);
  if (outside || entersGitDir(lands))
    throw new UserError(
      `${name} is a symlink to ${shownPath(target)}, which leads ${outside ? "outside the workspace" : "into .git"}; manifests are read only from the repository's own files. Replace the link with the file itself.`,
      { file: name }
    );
  log().warning(
    `${name} is a symlink to ${shownPath(target)}; the base side is read from git, where links are not followed, so it is skipped. Keep manifests as plain files to compare them with the base.`
  );
}
function isHidden(relative) {
  return relative.split("/").some((part) => part.startsWith("."));
}

// src/manifests/workspace-source.ts
import { lstat as lstat2, readdir, realpath as realpath2, stat } from "node:fs/promises";
import path5 from "node:path";

// src/manifests/workspace-files.ts
import { constants } from "node:fs";
import { lstat, open, readlink, realpath } from "node:fs/promises";
import path4 from "node:path";
async function resolveInsideWorkspace(top, absolute, shown2) {
  let real;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = error.code;
    if (code !== "ELOOP" && code !== "ENOENT" && code !== "ENOTDIR") throw error;
    const link = await offendingLink(top, absolute, shown2);
    const name = link ? link.name : shownPath(shown2);
    throw new UserError(
      code === "ELOOP" ? `${name} is a symlink that loops back on itself${link ? ` (to ${link.target})` : ""}; remove the link.` : `${name} is a symlink${link ? ` to ${link.target}` : ""}, which does not exist; remove the link or restore its target.`,
      { file: link?.file ?? shown2 }
    );
  }
  const outside = !isInside(top, real);
  if (outside || entersGitDir(path4.relative(top, real))) {
    const where = outside ? "outside the workspace" : "into .git, which holds the checkout's credentials";
    const link = await offendingLink(top, absolute, shown2);
    throw new UserError(
      link ? `${link.name} is a symlink to ${link.target}, which leads ${where}; manifests are read only from the repository's own files. Replace the link with the file itself.` : `${shownPath(shown2)} leads ${where}; manifests are read only from the repository's own files.`,
      { file: link?.file ?? shown2 }
    );
  }
  return real;
}
async function offendingLink(top, absolute, shown2) {
  const parts = path4.relative(top, absolute).split(path4.sep);
  for (let depth = 1; depth <= parts.length; depth++) {
    const candidate = path4.join(top, ...parts.slice(0, depth));
    const info2 = await lstat(candidate).catch(() => void 0);
    if (!info2?.isSymbolicLink()) continue;
    const real = await realpath(candidate).catch(() => void 0);
    if (real && isInside(top, real) && !entersGitDir(path4.relative(top, real))) continue;
    const file = depth === parts.length ? shown2 : parts.slice(0, depth).join("/");
    const target = await readlink(candidate).catch(() => "?");
    return { name: shownPath(file), target: shownPath(target), file };
  }
  return void 0;
}
async function readInsideWorkspace(top, real, shown2, budget, limits) {
  let handle;
  try {
    handle = await open(
      real,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
    );
  } catch (error) {
    if (error.code === "ELOOP") throw changed(shown2);
    throw error;
  }
  try {
    const info2 = await handle.stat();
    if (!info2.isFile())
      throw new UserError(`${shown2} is not a regular file; manifests must be plain YAML files.`, {
        file: shown2
      });
    const opened = await openedPath(handle);
    if (opened !== void 0 && (!isInside(top, opened) || entersGitDir(path4.relative(top, opened))))
      throw changed(shown2);
    budget.admit(shown2, info2.size);
    return await readAtMost(handle, info2.size, limits.fileBytes, shown2);
  } finally {
    await handle.close();
  }
}
function changed(shown2) {
  return new UserError(
    `${shown2} changed while it was being read (it became a link that leads elsewhere); the manifests must not change during the run.`,
    { file: shown2 }
  );
}
async function openedPath(handle) {
  if (process.platform !== "linux") return void 0;
  return readlink(`/proc/self/fd/${handle.fd}`).catch(() => void 0);
}
async function readAtMost(handle, size, limit, shown2) {
  const buffer = Buffer.alloc(Math.min(size, limit) + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > size)
    throw new UserError(
      `${shown2} grew while it was being read; the manifests must not change during the run.`,
      { file: shown2 }
    );
  return buffer.subarray(0, length);
}

// src/manifests/workspace-source.ts
function workspaceSource(workspace, manifestsPath, limits = MANIFEST_LIMITS) {
  return {
    description: "workspace",
    async readFiles() {
      const relative = checkManifestsPath(manifestsPath);
      const top = await realpath2(workspace);
      const root = path5.join(top, relative);
      if (!await lstat2(root).catch(() => void 0)) return void 0;
      const found = [];
      const shownRoot = relative === "." ? "" : relative;
      const real = await resolveInsideWorkspace(top, root, shownRoot || ".");
      const info2 = await stat(real);
      if (info2.isDirectory()) await collect(top, real, shownRoot, /* @__PURE__ */ new Set(), found);
      else if (info2.isFile()) found.push({ real, shown: shownRoot });
      else throw notRegular(shownRoot, info2);
      const budget = new ManifestBudget(limits);
      const files = [];
      for (const file of found.sort((a, b) => compareCodeUnits(a.shown, b.shown))) {
        const bytes = await readInsideWorkspace(top, file.real, file.shown, budget, limits);
        files.push({ path: file.shown, text: decodeManifest(bytes, file.shown) });
      }
      return files;
    }
  };
}
async function collect(top, dir, shown2, seen, found) {
  if (seen.has(dir))
    throw new UserError(
      `${shown2 || "."} leads back to a folder that is already being read (a symlink cycle); remove the link.`,
      { file: shown2 || "." }
    );
  seen.add(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = path5.join(dir, entry.name);
    const child = shown2 ? `${shown2}/${entry.name}` : entry.name;
    let real = full;
    let kind = entry;
    if (entry.isSymbolicLink()) {
      real = await resolveInsideWorkspace(top, full, child);
      kind = await stat(real);
    }
    if (kind.isDirectory()) await collect(top, real, child, seen, found);
    else if (!isManifestFile(entry.name)) continue;
    else if (kind.isFile()) found.push({ real, shown: child });
    else throw notRegular(child, kind);
  }
}
function notRegular(shown2, kind) {
  const what = kind.isFIFO() ? "a named pipe (FIFO)" : kind.isSocket() ? "a socket" : kind.isCharacterDevice() || kind.isBlockDevice() ? "a device file" : "not a regular file";
  return new UserError(
    `${shown2 || "."} is ${what}, not a regular file; manifests must be plain YAML files.`,
    { file: shown2 || "." }
  );
}
async function requireFiles(source, manifestsPath) {
  const files = await source.readFiles();
  if (!files || files.length === 0) {
    throw new UserError(
      `No Knative manifests at ${shownPath(manifestsPath)} in the ${source.description}: set the 'manifests' input to a folder or file of .yaml/.yml manifests (relative to the workspace).`
    );
  }
  return files;
}

// src/plan/labels.ts
function decideSplit(labels, prefix) {
  const canary = [];
  const invalid = [];
  const lowerPrefix = prefix.toLowerCase();
  for (const label of new Set(labels)) {
    if (!label.toLowerCase().startsWith(lowerPrefix)) continue;
    const rest = label.slice(prefix.length);
    const percent2 = /^\d{1,3}$/.test(rest) ? Number(rest) : Number.NaN;
    if (percent2 >= 0 && percent2 <= 100) canary.push({ label, percent: percent2 });
    else invalid.push(label);
  }
  const accepted = `${prefix}0 to ${prefix}100`;
  if (invalid.length) {
    const many = invalid.length > 1;
    throw new UserError(
      `Label${many ? "s" : ""} ${quoteList(invalid)} ${many ? "are" : "is"} not a valid split: use ${accepted} (the percent of traffic for the PR revision).`
    );
  }
  if (canary.length > 1) {
    throw new UserError(
      `The PR has ${canary.length} split labels (${quoteList(canary.map((c) => c.label))}); keep exactly one of ${accepted}.`
    );
  }
  const chosen = canary[0];
  if (!chosen)
    return {
      prPercent: 100,
      reason: `no ${prefix}N label, so the PR revision gets 100% of traffic`
    };
  return {
    prPercent: chosen.percent,
    label: chosen.label,
    reason: `label ${chosen.label}: ${chosen.percent}% to the PR revision, ${100 - chosen.percent}% to the base revision`
  };
}
function quoteList(items) {
  return items.map((item) => `'${item}'`).join(", ");
}

// src/plan/revision-names.ts
var MAX_NAME = 63;
function revisionName(service, side2, sha) {
  const commit = sha.toLowerCase().replace(/[^0-9a-f]/g, "");
  if (commit.length < 7) throw new Error(`revision name needs a commit SHA, got '${sha}'`);
  const full = `${service}-${side2}-${commit.slice(0, 7)}`;
  if (full.length <= MAX_NAME) return full;
  const room = MAX_NAME - service.length - 3;
  if (room < 4) {
    throw new UserError(
      `Service name '${service}' is ${service.length} characters; revision names (<service>-<side>-<commit>) must fit in 63, so keep service names to 56 characters or fewer.`
    );
  }
  return `${service}-${side2[0]}-${commit.slice(0, Math.min(room, 7))}`;
}

// src/plan/feature-fields.ts
var DEFAULT_FEATURES = {
  "kubernetes.containerspec-addcapabilities": "Disabled",
  "kubernetes.podspec-affinity": "Disabled",
  "kubernetes.podspec-dnsconfig": "Disabled",
  "kubernetes.podspec-dnspolicy": "Disabled",
  "kubernetes.podspec-fieldref": "Disabled",
  "kubernetes.podspec-hostaliases": "Disabled",
  "kubernetes.podspec-hostipc": "Disabled",
  "kubernetes.podspec-hostnetwork": "Disabled",
  "kubernetes.podspec-hostpid": "Disabled",
  "kubernetes.podspec-init-containers": "Disabled",
  "kubernetes.podspec-nodeselector": "Disabled",
  "kubernetes.podspec-persistent-volume-claim": "Disabled",
  "kubernetes.podspec-priorityclassname": "Disabled",
  "kubernetes.podspec-runtimeclassname": "Disabled",
  "kubernetes.podspec-schedulername": "Disabled",
  "kubernetes.podspec-securitycontext": "Disabled",
  "kubernetes.podspec-shareprocessnamespace": "Disabled",
  "kubernetes.podspec-tolerations": "Disabled",
  "kubernetes.podspec-topologyspreadconstraints": "Disabled",
  "kubernetes.podspec-volumes-csi": "Disabled",
  "kubernetes.podspec-volumes-emptydir": "Enabled",
  "kubernetes.podspec-volumes-hostpath": "Disabled",
  "kubernetes.podspec-volumes-image": "Disabled",
  "kubernetes.podspec-volumes-mount-propagation": "Disabled"
};
var POD_FLAGS = {
  affinity: "kubernetes.podspec-affinity",
  dnsConfig: "kubernetes.podspec-dnsconfig",
  dnsPolicy: "kubernetes.podspec-dnspolicy",
  hostAliases: "kubernetes.podspec-hostaliases",
  hostIPC: "kubernetes.podspec-hostipc",
  hostNetwork: "kubernetes.podspec-hostnetwork",
  hostPID: "kubernetes.podspec-hostpid",
  initContainers: "kubernetes.podspec-init-containers",
  nodeSelector: "kubernetes.podspec-nodeselector",
  priorityClassName: "kubernetes.podspec-priorityclassname",
  runtimeClassName: "kubernetes.podspec-runtimeclassname",
  schedulerName: "kubernetes.podspec-schedulername",
  securityContext: "kubernetes.podspec-securitycontext",
  shareProcessNamespace: "kubernetes.podspec-shareprocessnamespace",
  tolerations: "kubernetes.podspec-tolerations",
  topologySpreadConstraints: "kubernetes.podspec-topologyspreadconstraints"
};
var POD_NEVER = [
  "activeDeadlineSeconds",
  "hostname",
  "nodeName",
  "priority",
  "readinessGates",
  "restartPolicy",
  "subdomain",
  "terminationGracePeriodSeconds"
];
var CONTAINER_NEVER = ["lifecycle", "stdin", "stdinOnce", "tty", "volumeDevices"];
var SECURITY_CONTEXT_NEVER = ["seLinuxOptions", "procMount", "windowsOptions", "appArmorProfile"];
var VOLUME_FLAGS = {
  csi: "kubernetes.podspec-volumes-csi",
  emptyDir: "kubernetes.podspec-volumes-emptydir",
  hostPath: "kubernetes.podspec-volumes-hostpath",
  image: "kubernetes.podspec-volumes-image",
  persistentVolumeClaim: "kubernetes.podspec-persistent-volume-claim"
};
var VOLUME_ALWAYS = /* @__PURE__ */ new Set(["name", "secret", "configMap", "projected"]);
var POINTERS = /* @__PURE__ */ new Set([
  "activeDeadlineSeconds",
  "affinity",
  "appArmorProfile",
  "dnsConfig",
  "lifecycle",
  "mountPropagation",
  "priority",
  "procMount",
  "runtimeClassName",
  "securityContext",
  "seLinuxOptions",
  "shareProcessNamespace",
  "terminationGracePeriodSeconds",
  "windowsOptions"
]);
function isSet(value, field) {
  if (value === void 0 || value === null) return false;
  if (POINTERS.has(field)) return true;
  return value !== false && value !== "" && value !== 0;
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function dotted(path9) {
  return path9.reduce(
    (out, part) => typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part,
    ""
  );
}
function flagged(path9, flag, value) {
  return {
    path: path9,
    message: `${dotted(path9)} is refused by Knative Serving's webhook ("must not set the field(s)"): the field is behind the config-features flag ${flag}, which is ${value} in the Knative the preview installs. Remove it from the manifest (a cluster whose config-features sets ${flag}: Enabled would accept it).`
  };
}
function never(path9, detail = "") {
  return {
    path: path9,
    message: `${dotted(path9)} is refused by Knative Serving's webhook ("must not set the field(s)")${detail}: no config-features flag allows it. Remove it from the manifest.`
  };
}
function containerViolations(container, at, flags) {
  const out = [];
  for (const field of CONTAINER_NEVER)
    if (isSet(container[field], field)) out.push(never([...at, field]));
  const sc = record(container.securityContext);
  if (sc) {
    for (const field of SECURITY_CONTEXT_NEVER)
      if (isSet(sc[field], field)) out.push(never([...at, "securityContext", field]));
    if (sc.privileged === true)
      out.push(
        never([...at, "securityContext", "privileged"], " (only privileged: false may be set)")
      );
    const add = record(sc.capabilities)?.add;
    const addFlag = "kubernetes.containerspec-addcapabilities";
    if (add !== void 0 && add !== null && flags[addFlag] !== "Enabled")
      out.push(
        flagged(
          [...at, "securityContext", "capabilities", "add"],
          addFlag,
          flags[addFlag] ?? "Disabled"
        )
      );
  }
  const fieldRef = "kubernetes.podspec-fieldref";
  if (flags[fieldRef] === "Disabled") {
    list(container.env).forEach((env, i) => {
      const from = record(record(env)?.valueFrom);
      for (const field of ["fieldRef", "resourceFieldRef"])
        if (isSet(from?.[field], field))
          out.push(flagged([...at, "env", i, "valueFrom", field], fieldRef, "Disabled"));
    });
  }
  const propagation = "kubernetes.podspec-volumes-mount-propagation";
  if (flags[propagation] === "Disabled") {
    list(container.volumeMounts).forEach((mount, i) => {
      if (isSet(record(mount)?.mountPropagation, "mountPropagation"))
        out.push(flagged([...at, "volumeMounts", i, "mountPropagation"], propagation, "Disabled"));
    });
  }
  list(container.ports).forEach((port, i) => {
    for (const field of ["hostIP", "hostPort"])
      if (isSet(record(port)?.[field], field)) out.push(never([...at, "ports", i, field]));
  });
  return out;
}
var CLUSTER_DECIDES_FEATURES = Object.fromEntries(
  Object.keys(DEFAULT_FEATURES).map((flag) => [flag, "Allowed"])
);
function featureFieldViolations(podSpec, flags = DEFAULT_FEATURES, at = ["spec", "template", "spec"]) {
  const spec = record(podSpec);
  if (!spec) return [];
  const out = [];
  for (const field of Object.keys(spec)) {
    const flag = POD_FLAGS[field];
    if (flag && flags[flag] === "Disabled" && isSet(spec[field], field))
      out.push(flagged([...at, field], flag, "Disabled"));
    if (POD_NEVER.includes(field) && isSet(spec[field], field)) out.push(never([...at, field]));
  }
  if (spec.automountServiceAccountToken === true)
    out.push(
      never(
        [...at, "automountServiceAccountToken"],
        " (only automountServiceAccountToken: false may be set)"
      )
    );
  list(spec.containers).forEach((c, i) => {
    const container = record(c);
    if (container) out.push(...containerViolations(container, [...at, "containers", i], flags));
  });
  list(spec.volumes).forEach((v, i) => {
    const volume = record(v) ?? {};
    for (const field of Object.keys(volume)) {
      if (VOLUME_ALWAYS.has(field) || !isSet(volume[field], field)) continue;
      const flag = VOLUME_FLAGS[field];
      if (!flag) out.push(never([...at, "volumes", i, field]));
      else if (flags[flag] !== "Enabled")
        out.push(flagged([...at, "volumes", i, field], flag, flags[flag] ?? "Disabled"));
    }
  });
  return out;
}

// src/plan/knative-rules.ts
var DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var isKnativeService = (object) => object.kind === "Service" && object.apiVersion === "serving.knative.dev/v1";
var isDns1035Label = (value) => value.length <= 63 && DNS_1035.test(value);
function knativeServiceViolations(service, features = DEFAULT_FEATURES) {
  const violations = [];
  const name = service.metadata.name;
  if (!isDns1035Label(name)) {
    violations.push({
      path: ["metadata", "name"],
      message: `Service name '${name}' must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters.`
    });
  }
  const spec = record2(service.spec);
  const template = record2(spec?.template);
  const templateName2 = record2(template?.metadata)?.name;
  if (templateName2 !== void 0) {
    if (typeof templateName2 !== "string" || !templateName2.startsWith(`${name}-`)) {
      violations.push({
        path: ["spec", "template", "metadata", "name"],
        message: `Revision name '${String(templateName2)}' must start with the service name followed by a dash ('${name}-').`
      });
    } else if (!isDns1035Label(templateName2)) {
      violations.push({
        path: ["spec", "template", "metadata", "name"],
        message: `Revision name '${templateName2}' must be a DNS-1035 label of at most 63 characters.`
      });
    }
  }
  const containers = record2(template?.spec)?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    violations.push({
      path: ["spec", "template", "spec", "containers"],
      message: "spec.template.spec.containers needs at least one container with an image."
    });
  } else {
    containers.forEach((container, index) => {
      if (typeof record2(container)?.image !== "string" || !record2(container)?.image) {
        violations.push({
          path: ["spec", "template", "spec", "containers", index, "image"],
          message: `containers[${index}] needs an image.`
        });
      }
    });
  }
  violations.push(...featureFieldViolations(template?.spec, features));
  if (spec?.traffic !== void 0) violations.push(...trafficViolations(spec.traffic));
  return violations;
}
function trafficViolations(traffic) {
  if (!Array.isArray(traffic))
    return [
      { path: ["spec", "traffic"], message: "spec.traffic must be a list of traffic targets." }
    ];
  const violations = [];
  const tags = /* @__PURE__ */ new Set();
  let sum = 0;
  traffic.forEach((entry, index) => {
    const target = record2(entry) ?? {};
    const at = (field) => ["spec", "traffic", index, field];
    const percent2 = target.percent ?? 0;
    if (!Number.isInteger(percent2) || percent2 < 0 || percent2 > 100) {
      violations.push({
        path: at("percent"),
        message: `traffic[${index}].percent is ${JSON.stringify(target.percent)}; it must be a whole number from 0 to 100.`
      });
    } else sum += percent2;
    if (target.latestRevision === true && target.revisionName) {
      violations.push({
        path: at("revisionName"),
        message: `traffic[${index}] sets both latestRevision: true and revisionName '${String(target.revisionName)}'; use one of them.`
      });
    }
    if (target.latestRevision !== true && !target.revisionName && target.latestRevision !== void 0) {
      violations.push({
        path: at("latestRevision"),
        message: `traffic[${index}] has latestRevision: false but no revisionName.`
      });
    }
    if (target.tag !== void 0) {
      const tag = String(target.tag);
      if (!isDns1035Label(tag))
        violations.push({
          path: at("tag"),
          message: `traffic[${index}].tag '${tag}' must be a DNS-1035 label.`
        });
      else if (tags.has(tag))
        violations.push({
          path: at("tag"),
          message: `traffic tag '${tag}' is used twice; tags must be unique.`
        });
      tags.add(tag);
    }
  });
  if (traffic.length > 0 && sum !== 100) {
    violations.push({
      path: ["spec", "traffic"],
      message: `traffic percents add up to ${sum}; they must add up to 100.`
    });
  }
  return violations;
}
function record2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/plan/namespace-scope.ts
var CLUSTER_SCOPED_KINDS = /* @__PURE__ */ new Set([
  // core/v1 and built-in API groups
  "Namespace",
  "Node",
  "PersistentVolume",
  "ComponentStatus",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "APIService",
  "StorageClass",
  "CSIDriver",
  "CSINode",
  "VolumeAttachment",
  "PriorityClass",
  "RuntimeClass",
  "IngressClass",
  "IPAddress",
  "ServiceCIDR",
  "CertificateSigningRequest",
  "ClusterTrustBundle",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "FlowSchema",
  "PriorityLevelConfiguration",
  "DeviceClass",
  "ResourceSlice",
  "TokenReview",
  "SubjectAccessReview",
  "SelfSubjectAccessReview",
  "SelfSubjectReview",
  "PodSecurityPolicy",
  // Knative, Contour, cert-manager, Istio, Gateway API
  "ClusterDomainClaim",
  "ClusterDomain",
  "ClusterIssuer",
  "GatewayClass",
  "ContourDeployment",
  "ClusterClaim"
]);
function checkNamespaceScope(documents, previewNamespace) {
  for (const doc of documents) {
    const { kind, metadata } = doc.object;
    const file = doc.source.file;
    if (CLUSTER_SCOPED_KINDS.has(kind)) {
      const line = doc.lineOf(["kind"]);
      throw new UserError(
        `${file}:${line}: ${kind} '${metadata.name}' is cluster-scoped. A preview on an existing cluster only creates objects inside its namespace '${previewNamespace}'; remove it from the manifests (cluster-wide objects are the cluster owner's to install).`,
        { file, line }
      );
    }
    const named = metadata.namespace;
    if (named !== void 0 && named !== previewNamespace) {
      const line = doc.lineOf(["metadata", "namespace"]);
      throw new UserError(
        `${file}:${line}: ${kind} '${metadata.name}' names the namespace '${named}'. On an existing cluster every object goes into the preview namespace '${previewNamespace}'; remove metadata.namespace from it.`,
        { file, line }
      );
    }
  }
}

// src/plan/render.ts
function renderService(service, options) {
  const copy = structuredClone(service);
  delete copy.status;
  const metadata = { ...copy.metadata, namespace: options.namespace };
  for (const field of [
    "resourceVersion",
    "uid",
    "generation",
    "creationTimestamp",
    "managedFields",
    "selfLink"
  ])
    delete metadata[field];
  const spec = { ...copy.spec ?? {} };
  const template = { ...spec.template ?? {} };
  template.metadata = {
    ...template.metadata ?? {},
    name: options.revision
  };
  spec.template = template;
  spec.traffic = options.traffic.map((target) => ({ ...target }));
  return { ...copy, metadata, spec };
}

// src/plan/build-plan.ts
function buildPlan(input) {
  const { trigger } = input;
  const isPr = trigger.kind === "pull_request";
  const split = isPr ? decideSplit(input.labels, input.labelPrefix) : {
    prPercent: 100,
    reason: `${trigger.eventName} preview: one revision of the workspace manifests gets 100%`
  };
  const headSha = isPr ? trigger.headSha : trigger.sha;
  const baseSha = isPr ? trigger.baseSha : void 0;
  const scope = input.namespace;
  if (scope !== void 0) checkNamespaceScope(input.prDocuments, scope);
  const keyOf = (object) => scope !== void 0 ? object.metadata.name : defaultKeyOf(object);
  const features = scope === void 0 ? DEFAULT_FEATURES : CLUSTER_DECIDES_FEATURES;
  const prServices = knativeServices(input.prDocuments, keyOf, features);
  if (prServices.length === 0) {
    const files = [...new Set(input.prDocuments.map((d) => d.source.file))];
    throw new UserError(
      `No Knative Service (apiVersion serving.knative.dev/v1, kind Service) in the manifests${files.length ? ` (${files.join(", ")})` : ""}; the preview needs at least one.`,
      input.prDocuments[0] ? { file: input.prDocuments[0].source.file, line: 1 } : void 0
    );
  }
  const baseByKey = new Map(
    knativeServices(input.baseDocuments ?? [], keyOf, features).map((doc) => [
      keyOf(doc.object),
      doc
    ])
  );
  const services2 = prServices.map((doc) => {
    const name = doc.object.metadata.name;
    const namespace = scope ?? doc.object.metadata.namespace ?? "default";
    const prRevision = revisionName(name, "pr", headSha);
    const baseDoc = isPr ? baseByKey.get(keyOf(doc.object)) : void 0;
    const mode = !isPr ? "single" : baseDoc ? "canary" : "new";
    const host = `${name}.${namespace}.${input.domain}`;
    const rewrite = input.rewriteImages ?? ((service) => service);
    if (mode === "canary" && baseDoc && baseSha) {
      const baseRevision = revisionName(name, "base", baseSha);
      const traffic2 = [
        { revisionName: baseRevision, percent: 100 - split.prPercent, tag: "base" },
        { revisionName: prRevision, percent: split.prPercent, tag: "pr" }
      ];
      return {
        name,
        namespace,
        source: doc.source,
        mode,
        revisions: { base: baseRevision, pr: prRevision },
        manifests: {
          base: rewrite(
            renderService(baseDoc.object, {
              namespace,
              revision: baseRevision,
              traffic: [{ revisionName: baseRevision, percent: 100, tag: "base" }]
            }),
            "base"
          ),
          pr: rewrite(
            renderService(doc.object, { namespace, revision: prRevision, traffic: traffic2 }),
            "pr"
          )
        },
        traffic: traffic2,
        expected: expectedOf(traffic2),
        host,
        url: `http://${host}`,
        tagHosts: { base: `base-${host}`, pr: `pr-${host}` }
      };
    }
    const traffic = [{ revisionName: prRevision, percent: 100, tag: "pr" }];
    return {
      name,
      namespace,
      source: doc.source,
      mode,
      note: mode === "new" ? `service ${name} does not exist at the base commit ${baseSha?.slice(0, 7)}, so it is new: the PR revision gets 100% whatever the labels say` : split.reason,
      revisions: { pr: prRevision },
      manifests: {
        pr: rewrite(renderService(doc.object, { namespace, revision: prRevision, traffic }), "pr")
      },
      traffic,
      expected: expectedOf(traffic),
      host,
      url: `http://${host}`,
      tagHosts: { pr: `pr-${host}` }
    };
  });
  const others = input.prDocuments.filter((doc) => !isKnativeService(doc.object));
  return {
    event: isPr ? "pull_request" : trigger.eventName,
    repository: trigger.repository,
    pullRequest: isPr ? {
      number: trigger.number,
      title: trigger.title,
      htmlUrl: trigger.htmlUrl,
      baseRef: trigger.baseRef,
      headRef: trigger.headRef
    } : void 0,
    baseSha,
    headSha,
    labels: [...input.labels],
    split,
    domain: input.domain,
    services: services2,
    otherObjects: others.map(
      (doc) => scope !== void 0 ? { ...doc.object, metadata: { ...doc.object.metadata, namespace: scope } } : doc.object
    ),
    ...scope !== void 0 ? {
      otherObjectSources: others.map((doc) => ({
        file: doc.source.file,
        line: doc.lineOf(["kind"])
      }))
    } : {}
  };
}
function knativeServices(documents, keyOf, features) {
  const seen = /* @__PURE__ */ new Map();
  for (const doc of documents) {
    if (!isKnativeService(doc.object)) continue;
    const violation = knativeServiceViolations(doc.object, features)[0];
    if (violation) {
      const line = doc.lineOf(violation.path);
      throw new UserError(`${doc.source.file}:${line}: ${violation.message}`, {
        file: doc.source.file,
        line
      });
    }
    const key = keyOf(doc.object);
    const earlier = seen.get(key);
    if (earlier) {
      throw new UserError(
        `${doc.source.file}:${doc.source.line}: Knative Service '${key}' is defined twice (also at ${earlier.source.file}:${earlier.source.line}).`,
        { file: doc.source.file, line: doc.source.line }
      );
    }
    seen.set(key, doc);
  }
  return [...seen.values()];
}
function defaultKeyOf(object) {
  return `${object.metadata.namespace ?? "default"}/${object.metadata.name}`;
}
function expectedOf(traffic) {
  const expected = {};
  for (const target of traffic)
    if (target.revisionName) expected[target.revisionName] = target.percent;
  return expected;
}

// src/images/rewrite.ts
var DEV_LOCAL = /^dev\.local\/([^:@]+)(?::[^@]+)?(?:@.+)?$/;
function rewriteLocalImages(service, tags) {
  const manifest = structuredClone(service);
  const replaced = [];
  const unknown = [];
  const podSpec = manifest.spec?.template?.spec;
  for (const field of ["initContainers", "containers"]) {
    const containers = podSpec?.[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      if (typeof container.image !== "string") continue;
      const match = DEV_LOCAL.exec(container.image.trim());
      if (!match) continue;
      const tag = tags[match[1]];
      if (!tag) {
        unknown.push(container.image);
        continue;
      }
      if (container.image !== tag)
        replaced.push({ container: container.name ?? field, from: container.image, to: tag });
      container.image = tag;
    }
  }
  return { manifest, replaced, unknown };
}

// src/plan/image-tags.ts
function imageRewriter(specs, shas, options = {}) {
  return (service, side2) => {
    const sha = side2 === "base" ? shas.base : shas.pr;
    const tags = Object.fromEntries(
      specs.map((spec) => [spec.name, sha ? deployedImageTag(spec.name, sha, options) : ""])
    );
    const { manifest, unknown } = rewriteLocalImages(service, tags);
    if (unknown.length) {
      throw new UserError(
        `Service ${service.metadata.name} (${side2} side) uses ${unknown.join(", ")}, which no 'build' line produces. dev.local images exist only when the action builds them: add a line like ${unknown.map(
          (image) => `${image.replace(/^dev\.local\//, "").replace(/[:@].*$/, "")}=<context folder>`
        ).join(", ")} to the 'build' input.`
      );
    }
    return manifest;
  };
}
function deployedImageTag(name, commitSha, options) {
  return options.registry ? registryImageTag(options.registry, name, commitSha) : localImageTag(name, commitSha);
}

// src/action/make-plan.ts
async function makePlan(options) {
  const { config, runner, trigger } = options;
  const specs = parseBuildLines(config.build);
  const existing = config.cluster === "existing";
  if (existing && specs.length > 0 && !config.registry)
    throw new UserError(
      `Input 'build' is set, but 'registry' is empty: with cluster: existing, built images must be pushed where the cluster can pull them. Set registry (e.g. registry: ghcr.io/${trigger.repository.owner.toLowerCase()}) and log in to it before this step (docker/login-action).`
    );
  const prFiles = await requireFiles(
    workspaceSource(runner.workspace, config.manifests),
    config.manifests
  );
  const prDocuments = prFiles.flatMap((file) => parseManifestFile(file.text, file.path));
  let baseDocuments;
  if (trigger.kind === "pull_request") {
    const git = await GitClient.open(runner.workspace);
    const source = commitSource(git, {
      workspace: runner.workspace,
      manifestsPath: config.manifests,
      sha: trigger.baseSha,
      canFetch: runner.inActions
    });
    baseDocuments = await loadManifests(source);
    if (!baseDocuments)
      log().info(
        `'${config.manifests}' does not exist at the base commit ${trigger.baseSha.slice(0, 7)}: every service is new.`
      );
  }
  const labels = config.labelOverride ?? (trigger.kind === "pull_request" ? trigger.labels : []);
  if (config.labelOverride)
    log().info(
      `Using the 'labels' input instead of the PR's labels: ${labels.join(", ") || "(none)"}`
    );
  return buildPlan({
    trigger,
    labels,
    labelPrefix: config.labelPrefix,
    domain: config.domain,
    prDocuments,
    baseDocuments,
    rewriteImages: imageRewriter(
      specs,
      {
        base: trigger.kind === "pull_request" ? trigger.baseSha : void 0,
        pr: trigger.kind === "pull_request" ? trigger.headSha : trigger.sha
      },
      { registry: existing ? config.registry : void 0 }
    ),
    namespace: options.namespace
  });
}

// src/deploy/deploy-services.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/cluster/webhook-errors.ts
var ERROR_START = /^(?:`[^`]*` exited with \d+: )?(?:Error from server\b|error:|Error:|The connection to the server|Unable to connect to the server)/;
function kubectlErrors(output) {
  const entries = [];
  let current;
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    if (/^Warning:/.test(line)) {
      current = void 0;
      continue;
    }
    if (ERROR_START.test(line) || !current) {
      current = [line];
      entries.push(current);
    } else current.push(line);
  }
  return entries.map((lines2) => lines2.join("\n"));
}
function isTransientError(entry) {
  const text2 = entry.toLowerCase();
  if (text2.includes("failed calling webhook") || text2.includes("failed to call webhook")) {
    return [
      "connection refused",
      "no endpoints available for service",
      "context deadline exceeded",
      "i/o timeout",
      "connection reset by peer",
      "service unavailable",
      "eof",
      "no route to host",
      "x509: certificate signed by unknown authority",
      // webhook cert not yet rotated in
      "tls: failed to verify certificate"
    ].some((symptom) => text2.includes(symptom));
  }
  if (/no matches for kind .* in version/.test(text2) || text2.includes("ensure crds are installed first"))
    return true;
  return /the server is currently unable to handle the request|etcdserver: (leader changed|request timed out)/.test(
    text2
  );
}
function isWebhookNotReady(output) {
  const errors = kubectlErrors(output);
  return errors.length > 0 && errors.every(isTransientError);
}

// src/cluster/webhook-retry.ts
function outputOf(error) {
  return error instanceof ToolError ? error.result.stderr || error.result.stdout : errorMessage(error);
}
function retryWhileWebhookStarting(what, step, options) {
  return withRetry(step, {
    what,
    // The deadline is the real bound; the count only guards against a zero-delay loop.
    attempts: 500,
    initialDelayMs: 1e3,
    maxDelayMs: 5e3,
    deadline: options.deadline,
    isTransient: (error) => isWebhookNotReady(outputOf(error)),
    onRetry: (error, attempt) => options.log?.(
      `${what}: not accepted yet (attempt ${attempt}): ${transientLine(outputOf(error))}; retrying`
    ),
    ...options.sleep ? { sleep: options.sleep } : {},
    ...options.now ? { now: options.now } : {}
  });
}
function transientLine(text2) {
  return firstLine(kubectlErrors(text2).find(isTransientError) ?? text2, 1e3);
}

// src/deploy/apply-decision.ts
function templateName(object) {
  const template = object?.spec?.template;
  const name = template?.metadata?.name;
  return typeof name === "string" && name ? name : void 0;
}
function targetKey(target) {
  const t = typeof target === "object" && target !== null ? target : {};
  const revisionName2 = typeof t.revisionName === "string" ? t.revisionName : "";
  const latest = typeof t.latestRevision === "boolean" ? t.latestRevision : !revisionName2;
  return JSON.stringify([revisionName2, latest, Number(t.percent ?? 0), t.tag ?? ""]);
}
function decideApply(live, manifest) {
  const wanted = templateName(manifest);
  if (!live || !wanted || templateName(live) !== wanted) return { kind: "apply" };
  const desired = manifest.spec?.traffic ?? [];
  const current = live.spec?.traffic;
  const same = Array.isArray(current) && current.length === desired.length && current.map(targetKey).join() === desired.map(targetKey).join();
  return same ? { kind: "nothing" } : { kind: "patch-traffic", patch: { spec: { traffic: desired.map((t) => ({ ...t })) } } };
}

// src/deploy/pod-failures.ts
var HOPELESS = /* @__PURE__ */ new Set([
  "ErrImagePull",
  "ImagePullBackOff",
  "ErrImageNeverPull",
  "InvalidImageName",
  "CrashLoopBackOff",
  "CreateContainerConfigError"
]);
var text = (value, max = 600) => {
  if (typeof value !== "string") return "";
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
};
var record3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
function podFailure(pods) {
  for (const pod of pods) {
    const status = record3(pod.status);
    const specContainers = [
      ...Array.isArray(record3(pod.spec)?.initContainers) ? record3(pod.spec).initContainers : [],
      ...Array.isArray(record3(pod.spec)?.containers) ? record3(pod.spec).containers : []
    ];
    const statuses = [
      ...Array.isArray(status?.initContainerStatuses) ? status.initContainerStatuses : [],
      ...Array.isArray(status?.containerStatuses) ? status.containerStatuses : []
    ];
    for (const entry of statuses) {
      const container = record3(entry);
      const waiting = record3(record3(container?.state)?.waiting);
      const reason = text(waiting?.reason, 80);
      if (!HOPELESS.has(reason)) continue;
      const name = text(container?.name, 80);
      const spec = specContainers.map(record3).find((c) => c?.name === name);
      const terminated = record3(record3(container?.lastState)?.terminated);
      const lastExit = reason === "CrashLoopBackOff" && terminated ? `last exit code ${String(terminated.exitCode ?? "?")}${terminated.reason ? ` (${text(terminated.reason, 80)})` : ""}${terminated.message ? `: ${text(terminated.message)}` : ""}` : "";
      return {
        pod: text(pod.metadata?.name, 253),
        container: name,
        image: text(spec?.image, 300) || text(container?.image, 300),
        reason,
        message: [text(waiting?.message), lastExit].filter(Boolean).join("; ")
      };
    }
  }
  return void 0;
}

// src/deploy/revision-pods.ts
async function revisionPods(kubectl, namespace, revision) {
  const result = await kubectl.runOk([
    "get",
    "pods",
    "-n",
    namespace,
    "-l",
    `serving.knative.dev/revision=${revision}`,
    "-o",
    "json"
  ]);
  const list2 = JSON.parse(result.stdout);
  return Array.isArray(list2.items) ? list2.items : [];
}

// src/deploy/revision-readiness.ts
var TERMINAL_REASONS = /ProgressDeadlineExceeded|ContainerMissing|ImagePull|ErrImage|InvalidImageName|RevisionFailed|ExitCode|CrashLoopBackOff|ContainerCreateConfigError|Unschedulable|RevisionMissing|ResolveImage/i;
function revisionState(revision, name) {
  if (!revision) return { state: "pending", seen: `revision ${name} does not exist yet` };
  const ready = (revision.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (ready?.status === "True") return { state: "ready" };
  const reason = ready?.reason ?? "";
  const message = ready?.message ?? "";
  if (ready?.status === "False" && TERMINAL_REASONS.test(`${reason} ${message}`))
    return { state: "failed", reason, message };
  return {
    state: "pending",
    seen: `revision ${name} Ready=${ready?.status ?? "Unknown"}${reason || message ? ` (${[reason, message].filter(Boolean).join(": ")})` : ""}`
  };
}
function serviceState(service, name, traffic) {
  if (!service) return { done: false, seen: `service ${name} does not exist yet` };
  const status = service.status ?? {};
  const generation = service.metadata?.generation;
  if (status.observedGeneration !== generation) {
    return {
      done: false,
      seen: `service ${name} observedGeneration ${status.observedGeneration ?? "none"} != generation ${generation ?? "?"}`
    };
  }
  const ready = (service.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (ready?.status !== "True") {
    return {
      done: false,
      seen: `service ${name} Ready=${ready?.status ?? "Unknown"}${ready?.reason ? ` (${ready.reason}: ${ready.message ?? ""})` : ""}`
    };
  }
  const wanted = traffic.map(describeTarget).sort();
  const seen = (status.traffic ?? []).map(describeTarget).sort();
  if (wanted.join() !== seen.join())
    return {
      done: false,
      seen: `service ${name} status.traffic is [${seen.join(", ")}], want [${wanted.join(", ")}]`
    };
  return { done: true, seen: "ready" };
}
function describeTarget(target) {
  return `${target.revisionName ?? "latest"}=${target.percent ?? 0}%${target.tag ? `@${target.tag}` : ""}`;
}
function serviceFailure(service) {
  if (!service) return void 0;
  const status = service.status ?? {};
  if (status.observedGeneration !== service.metadata?.generation) return void 0;
  for (const c of service.status?.conditions ?? []) {
    if (c.status !== "False") continue;
    const reason = c.reason ?? "";
    const message = c.message ?? "";
    const clash = reason === "RevisionFailed" && /already exists/.test(message);
    if (clash || ["RevisionNameTaken", "ErrorConfig", "NotOwned", "RevisionNotOwned"].includes(reason)) {
      return { reason, message };
    }
  }
  return void 0;
}
var stringAt = (value) => typeof value === "string" ? value : "";
function firstDifference(wanted, actual, path9) {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return path9;
    for (const [i, item] of wanted.entries()) {
      const diff = firstDifference(item, actual[i], `${path9}[${i}]`);
      if (diff) return diff;
    }
    return void 0;
  }
  if (typeof wanted === "object" && wanted !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return path9;
    for (const [key, value] of Object.entries(wanted)) {
      const diff = firstDifference(
        value,
        actual[key],
        `${path9}.${key}`
      );
      if (diff) return diff;
    }
    return void 0;
  }
  return wanted === actual ? void 0 : path9;
}
function revisionOrigin(revision, service, manifest) {
  const name = stringAt(revision.metadata?.name);
  const labels = revision.metadata?.labels ?? {};
  const owners = Array.isArray(revision.metadata?.ownerReferences) ? revision.metadata.ownerReferences : [];
  const controller = owners.find((o) => o?.controller === true);
  const configuration = stringAt(labels["serving.knative.dev/configuration"]);
  if (configuration !== service || controller?.kind !== "Configuration" || controller.name !== service) {
    const owner = controller ? `${stringAt(controller.kind)} "${stringAt(controller.name)}"` : "nothing";
    return {
      ok: false,
      why: `revision ${name} already exists and belongs to ${owner}, not to service ${service}: its name is taken`
    };
  }
  const wanted = manifest.spec?.template?.spec;
  const diff = firstDifference(wanted ?? {}, revision.spec, "spec");
  if (diff) {
    return {
      ok: false,
      why: `revision ${name} differs from this apply's template at ${diff}: a revision of that name was made by another apply`
    };
  }
  return { ok: true };
}

// src/deploy/deploy-services.ts
var RevisionFailedError = class extends Error {
  constructor(revision, reason, detail) {
    super(`revision ${revision} will not become Ready: ${reason}${detail ? `: ${detail}` : ""}`);
    this.revision = revision;
    this.reason = reason;
    this.detail = detail;
    this.name = "RevisionFailedError";
  }
  revision;
  reason;
  detail;
};
async function deployServices(kubectl, plan, options) {
  await Promise.all(plan.services.map((service) => deployService(kubectl, service, options)));
  if (plan.otherObjects.length) {
    const yamlText = plan.otherObjects.map((object) => (0, import_yaml3.stringify)(object)).join("---\n");
    await retryWhileWebhookStarting(
      "kubectl apply of other objects",
      () => kubectl.applyManifests(yamlText),
      retryOptions(options)
    );
  }
}
async function deployService(kubectl, service, options) {
  const id = `${service.namespace}/${service.name}`;
  if (service.manifests.base && service.revisions.base) {
    log().info(`${id}: applying the base revision ${service.revisions.base}`);
    await applyService(kubectl, service, service.manifests.base, "base", options);
    await waitForRevision(
      kubectl,
      service,
      service.revisions.base,
      service.manifests.base,
      options
    );
  }
  log().info(
    `${id}: applying the PR revision ${service.revisions.pr} with traffic ${service.traffic.map((t) => `${t.tag} ${t.percent}%`).join(", ")}`
  );
  await applyService(kubectl, service, service.manifests.pr, "PR", options);
  await waitForRevision(kubectl, service, service.revisions.pr, service.manifests.pr, options);
  await waitUntil(
    async () => {
      const live = await kubectl.tryGetJson("ksvc", service.name, service.namespace);
      const failure = serviceFailure(live);
      if (failure)
        throw new RevisionFailedError(service.revisions.pr, failure.reason, failure.message);
      const state = serviceState(live, id, service.traffic);
      return state.done ? { done: true, value: void 0 } : { done: false, seen: state.seen };
    },
    {
      ...waitOptions(`service ${id} Ready with the planned traffic`, options),
      isFatal: (error) => error instanceof RevisionFailedError
    }
  );
  log().info(`${id}: Ready, traffic as planned`);
}
async function applyService(kubectl, service, manifest, side2, options) {
  const id = `${service.namespace}/${service.name}`;
  await retryWhileWebhookStarting(
    `kubectl apply of ${id} (${side2})`,
    async () => {
      const live = await kubectl.tryGetJson("ksvc", service.name, service.namespace);
      const decision = decideApply(live, manifest);
      switch (decision.kind) {
        case "apply":
          await kubectl.applyManifests((0, import_yaml3.stringify)(manifest));
          return;
        case "patch-traffic":
          log().info(`${id}: its ${side2} template is already applied; patching only the traffic`);
          await kubectl.patchMerge("ksvc", service.name, decision.patch, service.namespace);
          return;
        case "nothing":
          log().info(`${id}: its ${side2} template and traffic are already applied`);
          return;
      }
    },
    retryOptions(options)
  );
}
function podFailureText(failure, knative) {
  return `container ${failure.container} (image ${failure.image}) in pod ${failure.pod} cannot start; kubelet: ${failure.message || failure.reason}; Knative: ${knative}`;
}
async function waitForRevision(kubectl, service, name, manifest, options) {
  const { namespace } = service;
  await waitUntil(
    async () => {
      const revision = await kubectl.tryGetJson("revision", name, namespace);
      const state = revisionState(revision, name);
      if (state.state === "ready") {
        const origin = revisionOrigin(revision, service.name, manifest);
        if (!origin.ok) throw new RevisionFailedError(name, "RevisionNameTaken", origin.why);
        return { done: true, value: void 0 };
      }
      const refused = serviceFailure(
        await kubectl.tryGetJson("ksvc", service.name, namespace)
      );
      if (refused) throw new RevisionFailedError(name, refused.reason, refused.message);
      if (state.state === "failed")
        throw new RevisionFailedError(name, state.reason, state.message);
      if (revision) {
        const failure = podFailure(await revisionPods(kubectl, namespace, name));
        if (failure)
          throw new RevisionFailedError(name, failure.reason, podFailureText(failure, state.seen));
      }
      return { done: false, seen: state.seen };
    },
    {
      ...waitOptions(`revision ${name} Ready in ${namespace}`, options),
      isFatal: (error) => error instanceof RevisionFailedError
    }
  );
}
function retryOptions(options) {
  return {
    deadline: (options.now ?? Date.now)() + options.timeoutMs,
    log: (message) => log().info(message),
    ...options.sleep ? { sleep: options.sleep } : {},
    ...options.now ? { now: options.now } : {}
  };
}
function waitOptions(what, options) {
  return {
    what,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 1e3,
    sleep: options.sleep,
    now: options.now
  };
}

// src/util/abortable.ts
var AbortedError = class extends Error {
  constructor(why) {
    super(`stopped: ${why}`);
    this.why = why;
    this.name = "AbortedError";
  }
  why;
};
function abortableSleep(signal, base = sleep) {
  return async (ms) => {
    if (signal.aborted) throw new AbortedError(String(signal.reason ?? "aborted"));
    await new Promise((resolve, reject) => {
      const onAbort = () => reject(new AbortedError(String(signal.reason ?? "aborted")));
      signal.addEventListener("abort", onAbort, { once: true });
      base(ms).then(
        () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        },
        (error) => {
          signal.removeEventListener("abort", onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      );
    });
  };
}
async function allOrAbort(controller, tasks) {
  try {
    return await Promise.all(tasks);
  } catch (first) {
    controller.abort("a concurrent step failed");
    const settled = await Promise.allSettled(tasks);
    const reasons = settled.flatMap((s) => s.status === "rejected" ? [s.reason] : []);
    throw reasons.find((r) => !isStop(r)) ?? first;
  }
}
function isStop(error) {
  if (error instanceof AbortedError) return true;
  const cause = error?.cause;
  return cause !== void 0 && cause !== error && isStop(cause);
}

// src/cluster/manifest-inventory.ts
var import_yaml4 = __toESM(require_dist(), 1);
function inventoryOf(yamlText) {
  const inventory = {
    customResourceDefinitions: [],
    namespaces: [],
    deployments: [],
    daemonSets: [],
    jobs: []
  };
  for (const document of (0, import_yaml4.parseAllDocuments)(yamlText)) {
    if (document.errors.length > 0) {
      throw new Error(`a release manifest does not parse as YAML: ${document.errors[0].message}`);
    }
    const object = document.toJS();
    const name = object?.metadata?.name;
    if (!object?.kind || !name) continue;
    const namespaced = { namespace: object.metadata?.namespace ?? "default", name };
    switch (object.kind) {
      case "CustomResourceDefinition":
        inventory.customResourceDefinitions.push(name);
        break;
      case "Namespace":
        inventory.namespaces.push(name);
        break;
      case "Deployment":
        inventory.deployments.push(namespaced);
        break;
      case "DaemonSet":
        inventory.daemonSets.push(namespaced);
        break;
      case "Job":
        inventory.jobs.push(namespaced);
        break;
    }
  }
  return inventory;
}

// src/cluster/knative.ts
var KNATIVE_NAMESPACE = "knative-serving";
var CONTOUR_INGRESS_CLASS = "contour.ingress.networking.knative.dev";
function knativeConfigPatches(domain) {
  return [
    { configMap: "config-network", patch: { data: { "ingress-class": CONTOUR_INGRESS_CLASS } } },
    { configMap: "config-domain", patch: { data: { [domain]: "" } } }
  ];
}
async function installKnative(kubectl, manifests, options) {
  const controller = new AbortController();
  const sleep2 = abortableSleep(controller.signal, options.sleep);
  const step = {
    ...options,
    sleep: sleep2,
    kubectl: kubectl.withClock({ sleep: sleep2, ...options.now ? { now: options.now } : {} })
  };
  const core = inventoryOf(manifests.servingCore);
  const netContour = inventoryOf(manifests.netContour);
  let markCoreApplied;
  const coreApplied = new Promise((resolve) => markCoreApplied = resolve);
  const serving = servingBranch(step, manifests, () => markCoreApplied(true)).catch(
    (error) => {
      markCoreApplied(false);
      throw error;
    }
  );
  await allOrAbort(controller, [serving, contourBranch(step, manifests, coreApplied)]);
  await options.timings.time(
    "knative-ready",
    () => waitForWorkloads(step, {
      what: `Knative Serving deployments Available in ${KNATIVE_NAMESPACE}`,
      deployments: [...core.deployments, ...netContour.deployments].filter(
        (d) => d.namespace === KNATIVE_NAMESPACE
      ),
      daemonSets: [],
      jobs: []
    })
  );
}
async function servingBranch(step, manifests, onCoreApplied) {
  const crds = inventoryOf(manifests.servingCrds).customResourceDefinitions;
  await step.timings.time("knative-crds", async () => {
    await apply(step, "apply serving-crds.yaml", manifests.servingCrds);
    await waitForCrdsEstablished(step, crds);
  });
  await step.timings.time(
    "knative-core",
    () => apply(step, "apply serving-core.yaml", manifests.servingCore)
  );
  onCoreApplied();
  await step.timings.time("knative-config", async () => {
    for (const { configMap, patch } of knativeConfigPatches(step.domain)) {
      await retryWhileWebhookStarting(
        `patch configmap/${configMap} in ${KNATIVE_NAMESPACE}`,
        () => step.kubectl.patchMerge("configmap", configMap, patch, KNATIVE_NAMESPACE),
        retryOptions2(step)
      );
    }
  });
}
async function contourBranch(step, manifests, coreApplied) {
  const contour = inventoryOf(manifests.contour);
  await step.timings.time(
    "contour-apply",
    () => apply(step, "apply contour.yaml", manifests.contour)
  );
  await Promise.all([
    step.timings.time(
      "contour-ready",
      () => waitForWorkloads(step, {
        ...contour,
        what: `Contour ready in ${contour.namespaces.join(", ") || "its namespaces"}`
      })
    ),
    (async () => {
      if (!await coreApplied) throw new AbortedError("serving-core.yaml was not applied");
      await step.timings.time(
        "net-contour",
        () => apply(step, "apply net-contour.yaml", manifests.netContour)
      );
    })()
  ]);
}
function apply(step, what, yamlText) {
  return retryWhileWebhookStarting(
    what,
    () => step.kubectl.applyManifests(yamlText),
    retryOptions2(step)
  );
}
async function waitForCrdsEstablished(step, names) {
  const wanted = new Set(names);
  await waitUntil(
    async () => {
      const list2 = await step.kubectl.getJson("customresourcedefinitions");
      const byName = new Map(list2.items.map((crd) => [crd.metadata?.name ?? "", crd]));
      const pending = [...wanted].map((name) => {
        const crd = byName.get(name);
        if (!crd) return `crd/${name}: not found`;
        return hasCondition(crd, "Established") ? "" : describeCondition({ ...crd, kind: "CustomResourceDefinition" }, "Established");
      });
      const notYet = pending.filter(Boolean);
      return notYet.length === 0 ? { done: true, value: void 0 } : { done: false, seen: notYet.join("; ") };
    },
    waitOptions2(step, `${wanted.size} Knative Serving CRDs Established`)
  );
}
async function waitForWorkloads(step, workloads) {
  const namespaces = [
    ...new Set(
      [...workloads.deployments, ...workloads.daemonSets, ...workloads.jobs].map(
        (w) => w.namespace
      )
    )
  ];
  try {
    await waitUntil(
      async () => {
        const seen = [];
        for (const namespace of namespaces) {
          seen.push(...await pendingIn(step.kubectl, namespace, workloads));
        }
        return seen.length === 0 ? { done: true, value: void 0 } : { done: false, seen: seen.join("; ") };
      },
      waitOptions2(step, workloads.what)
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const pods = await Promise.all(
      namespaces.map(
        (ns) => step.kubectl.describeUnreadyPods(ns).catch((e) => [`${ns}: ${errorMessage(e)}`])
      )
    );
    const podLines = pods.flat();
    throw new WaitTimeoutError(
      error.what,
      `${error.lastSeen}${podLines.length ? `; pods not ready: ${podLines.join("; ")}` : ""}`,
      error.timeoutMs
    );
  }
}
async function pendingIn(kubectl, namespace, workloads) {
  const inNamespace = (list2) => list2.filter((w) => w.namespace === namespace).map((w) => w.name);
  const checks = [
    [
      "deployments",
      inNamespace(workloads.deployments),
      (d) => hasCondition(d, "Available") ? void 0 : describeCondition(d, "Available")
    ],
    [
      "jobs",
      inNamespace(workloads.jobs),
      (j) => hasCondition(j, "Complete") ? void 0 : describeCondition(j, "Complete")
    ],
    [
      "daemonsets",
      inNamespace(workloads.daemonSets),
      (ds) => {
        const s = daemonSetRolloutState(ds);
        return s.done ? void 0 : s.seen;
      }
    ]
  ];
  const pending = [];
  for (const [kind, names, isDone] of checks) {
    if (names.length === 0) continue;
    const list2 = await kubectl.getJson(kind, void 0, namespace);
    const byName = new Map(
      list2.items.map((o) => [o.metadata?.name ?? "", { ...o, kind: kind.replace(/s$/, "") }])
    );
    for (const name of names) {
      const object = byName.get(name);
      const problem = object ? isDone(object) : `${kind.replace(/s$/, "")}/${namespace}/${name}: not created yet`;
      if (problem) pending.push(problem);
    }
  }
  return pending;
}
function remainingMs(step) {
  return Math.max(0, step.deadline - (step.now ?? Date.now)());
}
function waitOptions2(step, what) {
  return {
    what,
    timeoutMs: remainingMs(step),
    intervalMs: step.intervalMs ?? 2e3,
    sleep: step.sleep,
    ...step.now ? { now: step.now } : {}
  };
}
function retryOptions2(step) {
  return {
    deadline: step.deadline,
    sleep: step.sleep,
    ...step.log ? { log: step.log } : {},
    ...step.now ? { now: step.now } : {}
  };
}
var COLD_START_AUTOSCALER = {
  "stable-window": "6s",
  "scale-to-zero-grace-period": "3s"
};
async function shortenAutoscalerWindows(kubectl, options) {
  const data = { ...COLD_START_AUTOSCALER };
  await retryWhileWebhookStarting(
    `patch configmap/config-autoscaler in ${KNATIVE_NAMESPACE}`,
    () => kubectl.patchMerge("configmap", "config-autoscaler", { data }, KNATIVE_NAMESPACE),
    options
  );
  return data;
}

// src/probe/http-client.ts
import http from "node:http";
import { performance } from "node:perf_hooks";
var MAX_BODY_BYTES = 64 * 1024;
function createNodeHttpClient(options) {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.maxSockets,
    maxFreeSockets: options.maxSockets,
    // Reusing the most recently used socket keeps the warm ones warm and lets idle ones expire.
    scheduling: "lifo"
  });
  const targets = /* @__PURE__ */ new Map();
  const get2 = (request) => new Promise((resolve) => {
    let target = targets.get(request.url);
    if (!target) {
      target = new URL(request.url);
      targets.set(request.url, target);
    }
    const started = performance.now();
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (error) => {
      const latencyMs = performance.now() - started;
      const message = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
      finish({ kind: "transport-error", error: message, code: error.code, latencyMs });
    };
    const req = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: "GET",
        headers: { host: request.host },
        agent
      },
      (res) => {
        const chunks = [];
        let kept = 0;
        res.on("data", (chunk) => {
          if (kept >= MAX_BODY_BYTES) return;
          const room = MAX_BODY_BYTES - kept;
          const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
          chunks.push(piece);
          kept += piece.length;
        });
        res.on("error", fail);
        res.on(
          "aborted",
          () => fail(Object.assign(new Error("response aborted"), { code: "ECONNRESET" }))
        );
        res.on("end", () => {
          finish({
            kind: "response",
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"),
            latencyMs: performance.now() - started
          });
        });
      }
    );
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`timed out after ${request.timeoutMs} ms`), {
        code: "ETIMEDOUT"
      });
      req.destroy(error);
      fail(error);
    }, request.timeoutMs);
    req.on("error", fail);
    req.end();
  });
  return { get: get2, close: () => agent.destroy() };
}

// src/probe/attribution.ts
var REVISION_HEADERS = ["k-revision", "x-revision"];
var SAMPLE_CHARS2 = 200;
function revisionHeader(headers) {
  for (const name of REVISION_HEADERS) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== void 0 && first.trim() !== "") return first.trim();
  }
  return void 0;
}
function fingerprint(body) {
  return body.trim();
}
function isSuccess(status) {
  return status >= 200 && status < 300;
}
function truncate2(text2, limit = SAMPLE_CHARS2) {
  return text2.length <= limit ? text2 : `${text2.slice(0, limit - 1)}\u2026`;
}
function describeOutcome(outcome) {
  if (outcome.kind === "transport-error") return truncate2(`error: ${outcome.error}`);
  const header = revisionHeader(outcome.headers);
  const body = fingerprint(outcome.body).replace(/\s+/g, " ");
  return truncate2(
    `HTTP ${outcome.status}${header ? ` (k-revision: ${header})` : ""}${body ? ` ${body}` : ""}`
  );
}
function createAttributor(revisions, fingerprints) {
  const known = new Set(revisions);
  const byBody = /* @__PURE__ */ new Map();
  for (const [revision, print] of fingerprints) {
    byBody.set(print, byBody.has(print) ? null : revision);
  }
  return {
    attribute(outcome) {
      if (outcome.kind === "transport-error") return { kind: "transport-error" };
      const header = revisionHeader(outcome.headers);
      if (header !== void 0) {
        return known.has(header) ? { kind: "revision", revision: header } : { kind: "foreign-revision", revision: header };
      }
      const revision = byBody.get(fingerprint(outcome.body));
      return revision ? { kind: "revision", revision } : { kind: "unknown" };
    }
  };
}

// src/coldstart/autoscaling.ts
var GROUP = "autoscaling.knative.dev";
var KPA_CLASS = "kpa.autoscaling.knative.dev";
function parseGoDuration(text2) {
  const value = text2?.trim();
  if (value === void 0 || value === "" || value.length > 40) return void 0;
  if (value === "0") return 0;
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(value)) return void 0;
  const unit = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
  let total = 0;
  for (const [, n, u] of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    total += Number(n) * unit[u];
  return total;
}
function wholeNumber(text2) {
  return text2 !== void 0 && /^\s*\d{1,9}\s*$/.test(text2) ? Number(text2) : void 0;
}
function firstOf(annotations, ...names) {
  for (const name of names) {
    const value = annotations[`${GROUP}/${name}`];
    if (typeof value === "string") return value;
  }
  return void 0;
}
function scaleToZeroFacts(config, annotations) {
  const stableWindowMs = parseGoDuration(firstOf(annotations, "window")) ?? parseGoDuration(config["stable-window"]) ?? 6e4;
  const graceMs = parseGoDuration(config["scale-to-zero-grace-period"]) ?? 3e4;
  const retentionMs = parseGoDuration(
    firstOf(annotations, "scale-to-zero-pod-retention-period", "scaleToZeroPodRetentionPeriod")
  ) ?? parseGoDuration(config["scale-to-zero-pod-retention-period"]) ?? 0;
  const idleToZeroMs = stableWindowMs + Math.max(graceMs, retentionMs);
  const autoscalerClass = firstOf(annotations, "class") ?? config["pod-autoscaler-class"]?.trim() ?? KPA_CLASS;
  if (autoscalerClass !== KPA_CLASS) {
    return {
      blocker: { reason: "autoscaler-class", autoscalerClass: autoscalerClass.slice(0, 80) },
      idleToZeroMs
    };
  }
  if (config["enable-scale-to-zero"]?.trim().toLowerCase() === "false") {
    return { blocker: { reason: "scale-to-zero-disabled" }, idleToZeroMs };
  }
  const minScale = wholeNumber(firstOf(annotations, "min-scale", "minScale")) ?? wholeNumber(config["min-scale"]) ?? 0;
  if (minScale >= 1) return { blocker: { reason: "min-scale", minScale }, idleToZeroMs };
  return { idleToZeroMs };
}

// src/coldstart/measure.ts
var COLD_START_SAMPLES = 3;
var COLD_START_DEFAULTS = {
  samples: COLD_START_SAMPLES,
  /** Pause between looks at a revision's pods. */
  pollIntervalMs: 1e3,
  /** Added to the expected idle time, for the autoscaler's ticks and reconciles. */
  slackMs: 3e4,
  /** No wait for zero pods lasts longer than this, whatever the cluster's windows. */
  maxWaitMs: 3e5,
  /** Deadline of a cold request: a start may take many seconds. */
  requestTimeoutMs: 6e4
};
var REVISION_LABEL = "serving.knative.dev/revision";
async function measureColdStarts(targets, options) {
  const client = options.client ?? createNodeHttpClient({ maxSockets: 2 });
  const config = await readAutoscalerConfig(options);
  const oneAtATime = serialize();
  try {
    const measured = await Promise.all(
      targets.map(async (target) => {
        const [base, pr] = await Promise.all(
          ["base", "pr"].map(
            (side2) => measureRevision(target, side2, config, client, oneAtATime, options)
          )
        );
        return [target.service, { base, pr }];
      })
    );
    return new Map(measured);
  } finally {
    if (!options.client) client.close();
  }
}
async function anyMayScaleToZero(targets, options) {
  const config = await readAutoscalerConfig(options);
  for (const target of targets) {
    for (const revision of [target.revisions.base, target.revisions.pr]) {
      try {
        const object = await options.kubectl.getJson(
          "revisions.serving.knative.dev",
          revision,
          target.namespace
        );
        const annotations = stringRecord(object.metadata?.annotations);
        if (!scaleToZeroFacts(config, annotations).blocker) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}
async function readAutoscalerConfig(options) {
  try {
    const configMap = await options.kubectl.getJson(
      "configmap",
      "config-autoscaler",
      KNATIVE_NAMESPACE
    );
    return stringRecord(configMap.data);
  } catch (error) {
    options.log?.(
      `Could not read config-autoscaler (${errorMessage(error)}); assuming Knative's defaults.`
    );
    return {};
  }
}
async function measureRevision(target, side2, config, client, oneAtATime, options) {
  const revision = target.revisions[side2];
  const log2 = (message) => options.log?.(`${revision}: ${message}`);
  let annotations;
  try {
    const object = await options.kubectl.getJson(
      "revisions.serving.knative.dev",
      revision,
      target.namespace
    );
    annotations = stringRecord(object.metadata?.annotations);
  } catch (error) {
    return notMeasured({
      reason: "failed",
      error: `could not read the revision: ${errorMessage(error)}`
    });
  }
  const facts = scaleToZeroFacts(config, annotations);
  if (facts.blocker) return notMeasured(facts.blocker);
  const samples = options.samples ?? COLD_START_DEFAULTS.samples;
  const waitMs = Math.min(
    facts.idleToZeroMs + (options.slackMs ?? COLD_START_DEFAULTS.slackMs),
    options.maxWaitMs ?? COLD_START_DEFAULTS.maxWaitMs
  );
  const url = new URL(options.path ?? "/", options.ingressUrl).toString();
  const measuredMs = [];
  for (let sample = 1; sample <= samples; sample++) {
    const zero = await waitForZeroPods(target.namespace, revision, waitMs, options);
    if (!zero.ok) {
      log2(`${zero.message}; stopping after ${measuredMs.length} cold start(s)`);
      if (measuredMs.length > 0) break;
      return notMeasured({
        reason: "timed-out",
        waitedMs: waitMs,
        pods: zero.pods,
        lastSeen: zero.lastSeen.slice(0, 300)
      });
    }
    const outcome = await oneAtATime(
      () => client.get({
        url,
        host: target.tagHosts[side2],
        timeoutMs: options.requestTimeoutMs ?? COLD_START_DEFAULTS.requestTimeoutMs
      })
    );
    if (outcome.kind === "response" && isSuccess(outcome.status)) {
      measuredMs.push(outcome.latencyMs);
      log2(`cold start ${sample} of ${samples}: ${Math.round(outcome.latencyMs)} ms`);
      continue;
    }
    const error = outcome.kind === "response" ? `HTTP ${outcome.status} ${outcome.body.replace(/\s+/g, " ").trim().slice(0, 200)}`.trim() : outcome.error;
    log2(`the cold request failed: ${error}`);
    if (measuredMs.length > 0) break;
    return notMeasured({ reason: "failed", error });
  }
  return { measured: true, ...summarizeColdStarts(measuredMs) };
}
async function waitForZeroPods(namespace, revision, timeoutMs, options) {
  let podCount = 0;
  try {
    await waitUntil(
      async () => {
        const pods = await revisionPods(options.kubectl, namespace, revision);
        const live = pods.filter((pod) => belongsTo(pod, revision) && counts(pod));
        podCount = live.length;
        if (live.length === 0) return { done: true, value: void 0 };
        return { done: false, seen: live.map(describe).join(", ") };
      },
      {
        what: `revision ${revision} in ${namespace} to scale to zero (no running pod labelled ${REVISION_LABEL}=${revision})`,
        timeoutMs,
        intervalMs: options.pollIntervalMs ?? COLD_START_DEFAULTS.pollIntervalMs,
        sleep: options.sleep ?? sleep,
        ...options.now ? { now: options.now } : {}
      }
    );
    return { ok: true };
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    return { ok: false, message: error.message, lastSeen: error.lastSeen, pods: podCount };
  }
}
function belongsTo(pod, revision) {
  return pod.metadata?.labels?.[REVISION_LABEL] === revision;
}
function counts(pod) {
  if (pod.metadata?.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  return phase === "Pending" || phase === "Running" || phase === void 0;
}
function describe(pod) {
  const phase = pod.status?.phase;
  const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
  const name = String(pod.metadata?.name ?? "?").slice(0, 100);
  return `${name} ${typeof phase === "string" ? phase.slice(0, 20) : "unknown"}${ready ? ", ready" : ""}`;
}
function notMeasured(reason) {
  return { measured: false, notMeasured: reason };
}
function stringRecord(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry) => typeof entry[1] === "string"
    )
  );
}
function serialize() {
  let tail = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => void 0);
    return run;
  };
}

// src/stats/fisher-exact.ts
var RELATIVE_TOLERANCE2 = 1 + 1e-7;
function fisherExact(table2) {
  const { a, b, c, d } = table2;
  for (const [name, count] of Object.entries(table2)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`cell ${name} must be a non-negative integer, got ${String(count)}`);
    }
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(row1, col1);
  const constant = logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(n - col1) - logFactorial(n);
  const logPmf = (k) => constant - logFactorial(k) - logFactorial(row1 - k) - logFactorial(col1 - k) - logFactorial(row2 - col1 + k);
  const logs = [];
  for (let k = low; k <= high; k++) logs.push(logPmf(k));
  const observed = logs[a - low];
  const threshold = observed + Math.log(RELATIVE_TOLERANCE2);
  let twoSided = 0;
  let greater = 0;
  logs.forEach((logP, index) => {
    const probability = Math.exp(logP);
    if (logP <= threshold) twoSided += probability;
    if (low + index >= a) greater += probability;
  });
  return { p: Math.min(1, twoSided), pGreater: Math.min(1, greater) };
}

// src/compare/defaults.ts
var COMPARISON_ALPHA = 0.01;
var PRACTICAL_MARGIN = 0.05;

// src/compare/errors.ts
function compareErrors(base, pr, options = {}) {
  const alpha = options.alpha ?? COMPARISON_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  validate("base", base);
  validate("pr", pr);
  if (base.total === 0 || pr.total === 0) {
    return { base, pr, p: 1, pHigher: 1, regression: false, alpha };
  }
  const { p, pGreater } = fisherExact({
    a: pr.errors,
    b: pr.total - pr.errors,
    c: base.errors,
    d: base.total - base.errors
  });
  return { base, pr, p, pHigher: pGreater, regression: pGreater < alpha, alpha };
}
function addErrorCounts(first, second) {
  const sum = {
    errors: first.errors + second.errors,
    total: first.total + second.total
  };
  const examples = [first.mostCommon, second.mostCommon].filter((e) => e !== void 0);
  if (examples.length === 2 && examples[0].kind === examples[1].kind) {
    sum.mostCommon = {
      kind: examples[0].kind,
      count: examples[0].count + examples[1].count,
      sample: examples[0].sample ?? examples[1].sample
    };
  } else if (examples.length > 0) {
    sum.mostCommon = examples.reduce((best, e) => e.count > best.count ? e : best);
  }
  return sum;
}
function validate(name, counts2) {
  const { errors, total } = counts2;
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`${name} total must be a non-negative integer, got ${total}`);
  }
  if (!Number.isInteger(errors) || errors < 0 || errors > total) {
    throw new RangeError(`${name} errors must be an integer in 0..${total}, got ${errors}`);
  }
}

// src/compare/interleave.ts
var SAMPLE_CHARS3 = 500;
async function sendInterleaved(client, targets, settings) {
  const { requestsPerSide, concurrency } = settings;
  if (!(Number.isInteger(requestsPerSide) && requestsPerSide >= 0)) {
    throw new RangeError(
      `requests per side must be a non-negative integer, got ${requestsPerSide}`
    );
  }
  const base = emptySample();
  const pr = emptySample();
  const total = 2 * requestsPerSide;
  let next = 0;
  const now = settings.now ?? Date.now;
  const open2 = () => settings.deadline === void 0 || now() < settings.deadline;
  const worker = async () => {
    while (next < total && open2()) {
      const index = next++;
      const [target, sample] = index % 2 === 0 ? [targets.base, base] : [targets.pr, pr];
      record4(sample, await client.get(target));
    }
  };
  const workers = Math.max(1, Math.min(concurrency, total));
  await Promise.all(Array.from({ length: workers }, worker));
  return { base, pr };
}
function emptySample() {
  return { latenciesMs: [], total: 0, failures: /* @__PURE__ */ new Map() };
}
function record4(sample, outcome) {
  sample.total++;
  if (outcome.kind === "response" && isSuccess(outcome.status)) {
    sample.latenciesMs.push(outcome.latencyMs);
    return;
  }
  const [kind, text2] = outcome.kind === "response" ? [`HTTP ${outcome.status}`, outcome.body] : [outcome.code ?? "transport error", outcome.error];
  const seen = sample.failures.get(kind);
  if (seen) seen.count++;
  else sample.failures.set(kind, { count: 1, sample: text2.slice(0, SAMPLE_CHARS3) });
}
function errorCounts(sample) {
  let errors = 0;
  let mostCommon;
  for (const [kind, { count, sample: text2 }] of sample.failures) {
    errors += count;
    const better = !mostCommon || count > mostCommon.count || count === mostCommon.count && kind < mostCommon.kind;
    if (better) mostCommon = { kind, count, sample: text2 };
  }
  return mostCommon ? { errors, total: sample.total, mostCommon } : { errors, total: sample.total };
}

// src/stats/normal.ts
function normalUpperTail(z) {
  if (Number.isNaN(z)) throw new RangeError("normalUpperTail needs a number, got NaN");
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * regularizedGammaQ(0.5, z * z / 2);
}
function normalTwoSided(z) {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

// src/stats/mann-whitney.ts
var EXACT_BELOW = 50;
function mannWhitneyU(x, y) {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0)
    throw new RangeError("the Mann\u2013Whitney test needs two non-empty samples");
  for (const value of [...x, ...y]) {
    if (!Number.isFinite(value)) throw new RangeError(`sample values must be finite, got ${value}`);
  }
  const { rankSumOfFirst, tieTerm } = ranks(x, y);
  const u = rankSumOfFirst - n1 * (n1 + 1) / 2;
  const n = n1 + n2;
  const centred = u - n1 * n2 / 2;
  const sigma = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
  const continuity = Math.sign(centred) * 0.5;
  const z = sigma > 0 ? (centred - continuity) / sigma : 0;
  if (tieTerm === 0 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
    const lowerTail = exactLowerTail(n1, n2, Math.min(u, n1 * n2 - u));
    return { u, z, p: Math.min(1, 2 * lowerTail), method: "exact" };
  }
  const p = sigma > 0 ? normalTwoSided(z) : 1;
  return { u, z, p, method: "normal" };
}
function ranks(x, y) {
  const pooled = [
    ...x.map((value) => ({ value, first: true })),
    ...y.map((value) => ({ value, first: false }))
  ].sort((a, b) => a.value - b.value);
  let rankSumOfFirst = 0;
  let tieTerm = 0;
  for (let start = 0; start < pooled.length; ) {
    let end = start + 1;
    while (end < pooled.length && pooled[end].value === pooled[start].value) end++;
    const tied = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i].first) rankSumOfFirst += midRank;
    tieTerm += tied * tied * tied - tied;
    start = end;
  }
  return { rankSumOfFirst, tieTerm };
}
function exactLowerTail(n1, n2, k) {
  const maxU = n1 * n2;
  const ways = Array.from({ length: n1 + 1 }, () => new Float64Array(maxU + 1));
  ways[0][0] = 1;
  for (let size = 1; size <= n2; size++) {
    for (let parts = 1; parts <= n1; parts++) {
      const into = ways[parts];
      const from = ways[parts - 1];
      for (let sum = size; sum <= maxU; sum++) into[sum] += from[sum - size];
    }
  }
  let atOrBelow = 0;
  let total = 0;
  for (let sum = 0; sum <= maxU; sum++) {
    let count = 0;
    for (let parts = 0; parts <= n1; parts++) count += ways[parts][sum];
    total += count;
    if (sum <= k) atOrBelow += count;
  }
  return atOrBelow / total;
}

// src/stats/median-ratio-interval.ts
function medianRatioInterval(base, pr, level = 0.95) {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (base.length === 0 || pr.length === 0) {
    throw new RangeError("a median ratio needs latencies on both sides");
  }
  for (const value of [...base, ...pr]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`latencies must be finite and positive, got ${value}`);
    }
  }
  const ratio = ratioDistribution(
    bootstrapMedianDistribution(base),
    bootstrapMedianDistribution(pr)
  );
  const tail = (1 - level) / 2;
  return { low: ratio.quantile(tail), high: ratio.quantile(1 - tail) };
}
var NEGLIGIBLE_MASS = 1e-15;
function bootstrapMedianDistribution(values) {
  const sorted2 = [...values].sort((a, b) => a - b);
  const n = sorted2.length;
  const k = Math.ceil(n / 2);
  const atoms = [];
  let below = 0;
  for (let j = 1; j <= n; j++) {
    const atOrBelow = j === n ? 1 : binomialUpperTail(n, j / n, k);
    const mass = atOrBelow - below;
    below = atOrBelow;
    if (mass >= NEGLIGIBLE_MASS) atoms.push({ value: sorted2[j - 1], mass });
  }
  return atoms;
}
function binomialUpperTail(n, p, k) {
  const logOdds = Math.log(p) - Math.log1p(-p);
  const logPmf = (i) => logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p);
  if (n * p < k) {
    return Math.exp(logPmf(k)) * decreasingSum(k, n, (i) => Math.log((n - i) / (i + 1)) + logOdds);
  }
  const lower = Math.exp(logPmf(k - 1)) * decreasingSum(k - 1, 0, (i) => Math.log(i / (n - i + 1)) - logOdds);
  return Math.max(0, 1 - lower);
}
function decreasingSum(start, end, step) {
  const direction = end >= start ? 1 : -1;
  let term = 1;
  let sum = 1;
  for (let i = start; i !== end; i += direction) {
    term *= Math.exp(step(i));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}
function ratioDistribution(base, pr) {
  const prValues = pr.map((atom) => atom.value);
  const prCumulative = [];
  let running = 0;
  for (const atom of pr) prCumulative.push(running += atom.mass);
  const prAtOrBelow = (x) => {
    let low = 0;
    let high = prValues.length;
    while (low < high) {
      const mid = low + high >>> 1;
      if (prValues[mid] <= x) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? 0 : prCumulative[low - 1];
  };
  const cdf = (r) => base.reduce((sum, atom) => sum + atom.mass * prAtOrBelow(r * atom.value), 0);
  const largest = prValues[prValues.length - 1] / base[0].value;
  return {
    /** Smallest r with P(ratio <= r) >= q, to 1e-12 relative. */
    quantile(q) {
      const target = q - 1e-12;
      let below = 0;
      let atOrAbove = largest;
      while (atOrAbove - below > 1e-12 * atOrAbove) {
        const mid = (below + atOrAbove) / 2;
        if (cdf(mid) >= target) atOrAbove = mid;
        else below = mid;
      }
      return atOrAbove;
    }
  };
}

// src/compare/latency.ts
function compareLatency(base, pr, options = {}) {
  const alpha = options.alpha ?? COMPARISON_ALPHA;
  const margin = options.margin ?? PRACTICAL_MARGIN;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(margin >= 0)) throw new RangeError(`margin must be >= 0, got ${margin}`);
  for (const value of [...base, ...pr]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`latencies must be finite and positive (ms), got ${value}`);
    }
  }
  const baseSide = side(base);
  const prSide = side(pr);
  const common = { base: baseSide, pr: prSide, alpha, margin };
  if (base.length === 0 || pr.length === 0) {
    return { ...common, ratio: null, interval: null, p: null, verdict: "unmeasurable" };
  }
  const ratio = percentile(sorted(pr), 50) / percentile(sorted(base), 50);
  const interval = medianRatioInterval(base, pr);
  const test = mannWhitneyU(pr, base);
  const prTendsSlower = test.u > pr.length * base.length / 2;
  const prTendsFaster = test.u < pr.length * base.length / 2;
  let verdict = "same";
  if (test.p < alpha && ratio > 1 + margin && prTendsSlower) verdict = "slower";
  else if (test.p < alpha && ratio < 1 - margin && prTendsFaster) verdict = "faster";
  return {
    ...common,
    ratio: roundTo(ratio, 4),
    interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
    p: test.p,
    verdict
  };
}
function side(latencies) {
  const [p50, p95, p99] = percentiles(latencies, [50, 95, 99]).map((ms) => roundTo(ms, 2));
  return { samples: latencies.length, p50, p95, p99 };
}
function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

// src/compare/compare-revisions.ts
var COMPARE_DEFAULTS = {
  /** Requests to each revision (the `compare-requests` input's default). */
  requestsPerSide: 200,
  concurrency: 4,
  requestTimeoutMs: 1e4,
  /** No comparison request starts later than this after the first. */
  deadlineMs: 12e4
};
function comparisonTargets(plan) {
  if (plan.mode === "new") {
    return {
      notCompared: true,
      reason: "the service is new in this PR, so there is no base revision to compare with"
    };
  }
  if (plan.mode === "single") {
    return {
      notCompared: true,
      reason: "this run previews one revision of the workspace (push or workflow_dispatch), so there is no base revision to compare with"
    };
  }
  const { base } = plan.tagHosts;
  if (!base || !plan.revisions.base) {
    return { notCompared: true, reason: "the base revision has no tag host to send requests to" };
  }
  return { base, pr: plan.tagHosts.pr };
}
function splitErrorCounts(result) {
  const counts2 = (side2) => {
    const rows = result.revisions.filter((r) => r.side === side2);
    return {
      errors: rows.reduce((sum, r) => sum + r.errors, 0),
      total: rows.reduce((sum, r) => sum + r.responses, 0)
    };
  };
  return { base: counts2("base"), pr: counts2("pr") };
}
async function compareRevisions(options) {
  const concurrency = Math.max(1, options.concurrency ?? COMPARE_DEFAULTS.concurrency);
  const client = options.client ?? createNodeHttpClient({ maxSockets: concurrency });
  const url = new URL(options.path ?? "/", options.ingressUrl).toString();
  const timeoutMs = options.requestTimeoutMs ?? COMPARE_DEFAULTS.requestTimeoutMs;
  try {
    const { base, pr } = await sendInterleaved(
      client,
      {
        base: { url, host: options.tagHosts.base, timeoutMs },
        pr: { url, host: options.tagHosts.pr, timeoutMs }
      },
      {
        requestsPerSide: options.requestsPerSide,
        concurrency,
        deadline: Date.now() + (options.deadlineMs ?? COMPARE_DEFAULTS.deadlineMs)
      }
    );
    if (base.total + pr.total < 2 * options.requestsPerSide) {
      options.log?.(
        `The comparison stopped at its deadline after ${base.total + pr.total} of ${2 * options.requestsPerSide} requests; it judges what was answered.`
      );
    }
    const none = { errors: 0, total: 0 };
    const split = options.splitErrors ?? { base: none, pr: none };
    return {
      latency: compareLatency(base.latenciesMs, pr.latenciesMs),
      errors: compareErrors(
        addErrorCounts(split.base, errorCounts(base)),
        addErrorCounts(split.pr, errorCounts(pr))
      )
    };
  } finally {
    if (!options.client) client.close();
  }
}

// src/compare/evidence-phase.ts
async function gatherEvidence(probed, settings, deps) {
  if (settings.compareRequests === 0) {
    return { services: probed.map((p) => p.result), regressions: [] };
  }
  const services2 = [];
  const coldTargets = [];
  await deps.timings.time("compare", async () => {
    for (const { plan, result, ingressUrl } of probed) {
      const targets = comparisonTargets(plan);
      if ("notCompared" in targets) {
        log().info(`${plan.name}: not compared: ${targets.reason}.`);
        services2.push({ ...result, comparison: targets });
        continue;
      }
      const comparison = await log().group(
        `Compare ${plan.namespace}/${plan.name}: PR vs base`,
        async () => {
          log().info(
            `Sending ${settings.compareRequests} requests to each of ${targets.base} and ${targets.pr}, interleaved`
          );
          const compared = await compareRevisions({
            ingressUrl,
            tagHosts: targets,
            requestsPerSide: settings.compareRequests,
            splitErrors: splitErrorCounts(result),
            log: (m) => log().warning(`${plan.name}: ${m}`)
          });
          const { latency, errors } = compared;
          log().info(
            `latency ${latency.verdict}` + (latency.ratio === null ? "" : ` (median ratio ${latency.ratio.toFixed(2)})`) + `; errors base ${errors.base.errors}/${errors.base.total}, PR ${errors.pr.errors}/${errors.pr.total}`
          );
          return compared;
        }
      );
      services2.push({ ...result, comparison });
      if (plan.revisions.base) {
        coldTargets.push({
          service: plan.name,
          namespace: plan.namespace,
          revisions: { base: plan.revisions.base, pr: plan.revisions.pr },
          tagHosts: targets,
          ingressUrl
        });
      }
    }
  });
  let autoscaler;
  if (settings.coldStart && coldTargets.length > 0) {
    await deps.timings.time(
      "cold-start",
      () => log().group("Cold starts", async () => {
        const worthShortening = (settings.cluster ?? "k3d") === "k3d" && await anyMayScaleToZero(coldTargets, { kubectl: deps.kubectl });
        if (worthShortening) {
          autoscaler = await shortenAutoscalerWindows(deps.kubectl, {
            deadline: Date.now() + settings.timeoutMinutes * 6e4,
            log: (m) => log().info(m)
          });
          log().info(
            `Shortened config-autoscaler in the ephemeral cluster: ${Object.entries(autoscaler).map(([k, v]) => `${k} ${v}`).join(", ")}`
          );
        }
        for (const ingressUrl of new Set(coldTargets.map((t) => t.ingressUrl))) {
          const measured = await measureColdStarts(
            coldTargets.filter((t) => t.ingressUrl === ingressUrl),
            { ...deps.coldStart, ingressUrl, kubectl: deps.kubectl, log: (m) => log().info(m) }
          );
          for (const [name, coldStart] of measured) {
            const index = services2.findIndex((s) => s.service === name);
            const current = services2[index];
            if (current && isCompared(current.comparison)) {
              services2[index] = { ...current, comparison: { ...current.comparison, coldStart } };
            }
          }
        }
      })
    );
  }
  const regressions = findRegressions(services2, settings);
  for (const regression of regressions) {
    const line = `Regression: ${regression.message}`;
    if (regression.failsRun) log().info(line);
    else log().warning(`${line} (fail-on-regression is off)`);
  }
  return { services: services2, regressions, ...autoscaler ? { autoscaler } : {} };
}

// src/images/build.ts
import { mkdir, rm as rm2 } from "node:fs/promises";
import { join } from "node:path";
async function buildSide(docker, options) {
  const tags = {};
  for (const spec of options.specs) {
    const tag = localImageTag(spec.name, options.commitSha);
    const context = join(options.root, spec.context);
    await docker.runOk(["build", "-t", tag, "-f", join(context, spec.dockerfile), context], {
      stream: true
    });
    tags[spec.name] = tag;
  }
  return tags;
}
async function buildImages(tools, options) {
  const pr = await buildSide(tools.docker, {
    specs: options.specs,
    root: options.workspace,
    commitSha: options.prSha
  });
  if (!options.baseSha) return { pr };
  if (options.baseSha.slice(0, 7) === options.prSha.slice(0, 7)) return { pr, base: pr };
  const git = await GitClient.open(options.workspace, tools.git);
  if (!git) {
    throw new Error(
      `${options.workspace} is not a git checkout: the base images are built from the base commit ${options.baseSha.slice(0, 7)}, which needs the repository (use actions/checkout).`
    );
  }
  if (!await git.hasCommit(options.baseSha)) await git.fetchCommit(options.baseSha);
  const worktree = join(options.workDir, `base-${options.baseSha.slice(0, 12)}`);
  await mkdir(options.workDir, { recursive: true });
  await rm2(worktree, { recursive: true, force: true });
  await git.addWorktree(worktree, options.baseSha);
  try {
    const base = await buildSide(tools.docker, {
      specs: options.specs,
      root: worktree,
      commitSha: options.baseSha
    });
    return { pr, base };
  } finally {
    if (!await git.removeWorktree(worktree)) {
      log().debug(`git worktree remove ${worktree} failed; removing the folder`);
      await rm2(worktree, { recursive: true, force: true });
    }
  }
}

// src/probe/tally.ts
var MAX_SAMPLES = 5;
function createTally(revisions) {
  return {
    requests: 0,
    byRevision: new Map(
      revisions.map((revision) => [revision, { responses: 0, errors: 0, latenciesMs: [] }])
    ),
    foreign: /* @__PURE__ */ new Map(),
    unattributed: { count: 0, errors: 0, successes: 0, samples: [] }
  };
}
function record5(tally, outcome, attribution) {
  tally.requests++;
  if (attribution.kind === "revision" && outcome.kind === "response") {
    let entry = tally.byRevision.get(attribution.revision);
    if (!entry) {
      entry = { responses: 0, errors: 0, latenciesMs: [] };
      tally.byRevision.set(attribution.revision, entry);
    }
    entry.responses++;
    if (!isSuccess(outcome.status)) entry.errors++;
    entry.latenciesMs.push(outcome.latencyMs);
    return;
  }
  const { unattributed } = tally;
  unattributed.count++;
  if (attribution.kind === "foreign-revision") {
    tally.foreign.set(attribution.revision, (tally.foreign.get(attribution.revision) ?? 0) + 1);
  }
  if (outcome.kind === "response" && isSuccess(outcome.status)) unattributed.successes++;
  else unattributed.errors++;
  if (unattributed.samples.length < MAX_SAMPLES) {
    const sample = describeOutcome(outcome).slice(0, SAMPLE_CHARS2);
    if (!unattributed.samples.includes(sample)) unattributed.samples.push(sample);
  }
}

// src/probe/load.ts
async function sendLoad(client, attributor, revisions, settings, another) {
  const tally = createTally(revisions);
  const request = { url: settings.url, host: settings.host, timeoutMs: settings.timeoutMs };
  let sent = 0;
  for (const size of settings.batches) {
    let started = 0;
    const worker = async () => {
      while (started < size) {
        started++;
        const outcome = await client.get(request);
        record5(tally, outcome, attributor.attribute(outcome));
      }
    };
    const workers = Math.max(1, Math.min(settings.concurrency, size));
    await Promise.all(Array.from({ length: workers }, worker));
    sent++;
    if (!another(tally, sent)) break;
  }
  return { tally, batches: sent };
}

// src/stats/wilson.ts
var Z_95 = 1.959964;
function wilsonInterval(successes, trials, z = Z_95) {
  if (trials === 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > trials) {
    throw new RangeError(`successes must be in 0..${trials}, got ${successes}`);
  }
  const share = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (share + z2 / (2 * trials)) / denominator;
  const halfWidth = z / denominator * Math.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) };
}

// src/probe/tag-check.ts
function summarizeTagAnswers(target, outcomes) {
  const matches = (outcome) => {
    if (outcome.kind !== "response" || !isSuccess(outcome.status)) return false;
    const header = revisionHeader(outcome.headers);
    return header === void 0 || header === target.expectedRevision;
  };
  const matching2 = outcomes.filter(matches);
  const firstMismatch = outcomes.find((outcome) => !matches(outcome));
  const shown2 = firstMismatch ?? outcomes[0];
  const bodies = new Set(
    matching2.map((outcome) => outcome.kind === "response" ? fingerprint(outcome.body) : "")
  );
  const sendsHeader = matching2.length > 0 && matching2.every(
    (outcome) => outcome.kind === "response" && revisionHeader(outcome.headers) !== void 0
  );
  return {
    target,
    check: {
      tag: target.tag,
      host: target.host,
      expectedRevision: target.expectedRevision,
      requests: outcomes.length,
      matched: matching2.length,
      sample: shown2 ? describeOutcome(shown2) : ""
    },
    fingerprint: bodies.size === 1 ? [...bodies][0] : void 0,
    bodyVaries: bodies.size > 1,
    sendsHeader
  };
}
async function checkTag(client, target, settings) {
  const outcomes = [];
  for (let i = 0; i < settings.requests; i++) {
    outcomes.push(
      await client.get({ url: settings.url, host: target.host, timeoutMs: settings.timeoutMs })
    );
  }
  return summarizeTagAnswers(target, outcomes);
}
function tagFailure(findings) {
  const { check } = findings;
  if (check.matched === check.requests) return void 0;
  return `tag ${check.tag} (${check.host}) answered from ${check.expectedRevision} in only ${check.matched} of ${check.requests} requests; e.g. ${check.sample}`;
}

// src/probe/summarize.ts
function revisionResults(tally, expected, sides) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(expected), ...tally.byRevision.keys()])];
  const sideOrder = (name) => name === sides.base ? 0 : name === sides.pr ? 1 : 2;
  names.sort((a, b) => sideOrder(a) - sideOrder(b));
  const attributed = names.reduce(
    (sum, name) => sum + (tally.byRevision.get(name)?.responses ?? 0),
    0
  );
  return names.map((revision) => {
    const entry = tally.byRevision.get(revision) ?? { responses: 0, errors: 0, latenciesMs: [] };
    const interval = wilsonInterval(entry.responses, attributed);
    const [p50, p95] = percentiles(entry.latenciesMs, [50, 95]);
    const side2 = revision === sides.base ? "base" : "pr";
    return {
      revision,
      side: side2,
      configuredPercent: expected[revision] ?? 0,
      responses: entry.responses,
      observedPercent: attributed === 0 ? 0 : roundTo(100 * entry.responses / attributed, 2),
      interval: { low: roundTo(100 * interval.low, 2), high: roundTo(100 * interval.high, 2) },
      errors: entry.errors,
      latencyMs: { p50: roundTo(p50 ?? 0, 1), p95: roundTo(p95 ?? 0, 1) }
    };
  });
}
function attributionProblem(findings) {
  for (const finding of findings) {
    if (finding.sendsHeader) continue;
    const { expectedRevision } = finding.check;
    if (finding.bodyVaries) {
      return `${expectedRevision} answers with a different body each time and sends no k-revision header, so its responses cannot be recognised`;
    }
    if (finding.fingerprint === void 0) continue;
    const twin = findings.find(
      (other) => other !== finding && !other.sendsHeader && other.fingerprint === finding.fingerprint
    );
    if (twin) {
      const [first, second] = twin.target.side === "base" ? [twin, finding] : [finding, twin];
      return `${sideLabel(first)} and ${sideLabel(second)} answer identically (same body, no k-revision header), so the split cannot be measured`;
    }
  }
  return void 0;
}
var sideLabel = (finding) => `${finding.target.side === "base" ? "base" : "PR"} (${finding.check.expectedRevision})`;
function decideVerdict(findings, tally, expected, settings) {
  const notes = tallyNotes(tally);
  const final = (fields) => ({
    ...fields,
    reason: [fields.reason, ...notes].join("; "),
    done: true
  });
  const tagFailures = findings.map(tagFailure).filter((failure) => failure !== void 0);
  if (tagFailures.length > 0) {
    return final({ verdict: "deviates", test: "exact-split", reason: tagFailures.join("; ") });
  }
  const problem = attributionProblem(findings);
  if (problem) return final({ verdict: "unmeasurable", test: "none", reason: problem });
  const observed = {};
  let attributedSuccesses = 0;
  for (const [revision, entry] of tally.byRevision) {
    observed[revision] = entry.responses;
    attributedSuccesses += entry.responses - entry.errors;
  }
  for (const [revision, count] of tally.foreign)
    observed[revision] = (observed[revision] ?? 0) + count;
  const unknownSuccesses = tally.unattributed.successes;
  if (unknownSuccesses > 0 && unknownSuccesses >= attributedSuccesses) {
    return final({
      verdict: "unmeasurable",
      test: "none",
      reason: `${unknownSuccesses} of ${unknownSuccesses + attributedSuccesses} successful responses matched no revision (no k-revision header, body unlike either tag's)`
    });
  }
  const { sides } = settings;
  const { done, ...judgement } = judgeSplit(
    observed,
    { ...expected },
    {
      design: settings.design,
      stage: settings.batchesSent,
      focus: sides.pr,
      label: (revision) => revision === sides.pr ? `PR revision ${revision}` : revision === sides.base ? `base revision ${revision}` : `revision ${revision}`
    }
  );
  return { ...final(judgement), done };
}
function tallyNotes(tally) {
  const notes = [];
  const revisionErrors = [...tally.byRevision.values()].reduce(
    (sum, entry) => sum + entry.errors,
    0
  );
  if (revisionErrors > 0) notes.push(`${revisionErrors} non-2xx responses from the revisions`);
  const { count, errors } = tally.unattributed;
  if (count > 0) {
    notes.push(`${count} responses unattributed (${errors} of them errors: non-2xx or transport)`);
  }
  return notes;
}

// src/probe/probe.ts
var PROBE_DEFAULTS = {
  concurrency: 16,
  readyTimeoutMs: 12e4,
  readyIntervalMs: 500,
  requestTimeoutMs: 1e4,
  tagRequests: 5
};
function probeOptionsFromPlan(plan, settings) {
  return {
    ...settings,
    service: plan.name,
    namespace: plan.namespace,
    host: plan.host,
    url: plan.url,
    revisions: plan.revisions,
    tagHosts: plan.tagHosts,
    expected: plan.expected
  };
}
async function probeService(options) {
  const design = gateDesign({
    batchSize: options.requests,
    maxRequests: options.maxRequests ?? Math.max(GATE_DEFAULTS.maxRequests, options.requests),
    tolerancePoints: options.splitTolerance ?? GATE_DEFAULTS.tolerancePoints
  });
  const now = options.now ?? Date.now;
  const startedAt = now();
  const concurrency = Math.max(1, options.concurrency ?? PROBE_DEFAULTS.concurrency);
  const readyTimeoutMs = options.readyTimeoutMs ?? PROBE_DEFAULTS.readyTimeoutMs;
  const requestTimeoutMs = options.requestTimeoutMs ?? PROBE_DEFAULTS.requestTimeoutMs;
  const url = new URL(options.path ?? "/", options.ingressUrl).toString();
  const client = options.client ?? createNodeHttpClient({ maxSockets: concurrency });
  const log2 = options.log ?? (() => {
  });
  try {
    const readyDeadline = startedAt + readyTimeoutMs;
    await waitForAnswer(client, url, options.host, readyDeadline, requestTimeoutMs, options, now);
    log2(`route ${options.host} answers; checking tags`);
    const findings = [];
    for (const target of tagTargets(options)) {
      try {
        await waitForAnswer(
          client,
          url,
          target.host,
          readyDeadline,
          requestTimeoutMs,
          options,
          now
        );
      } catch (error) {
        if (!(error instanceof WaitTimeoutError)) throw error;
      }
      findings.push(
        await checkTag(client, target, {
          url,
          requests: options.tagRequests ?? PROBE_DEFAULTS.tagRequests,
          timeoutMs: requestTimeoutMs
        })
      );
    }
    const fingerprints = /* @__PURE__ */ new Map();
    for (const finding of findings) {
      if (finding.fingerprint !== void 0)
        fingerprints.set(finding.check.expectedRevision, finding.fingerprint);
    }
    const revisionNames = Object.keys(options.expected);
    const attributor = createAttributor(revisionNames, fingerprints);
    log2(
      `sending ${design.batchSize} requests to ${options.host} (${concurrency} at a time), more in batches of ${design.batchSize} while the split is borderline, at most ${design.maxRequests}`
    );
    let judged;
    const { tally, batches } = await sendLoad(
      client,
      attributor,
      revisionNames,
      {
        url,
        host: options.host,
        batches: batchSizes(design),
        concurrency,
        timeoutMs: requestTimeoutMs
      },
      (tallySoFar, batchesSent) => {
        const { done, ...fields } = decideVerdict(findings, tallySoFar, options.expected, {
          design,
          batchesSent,
          sides: options.revisions
        });
        judged = fields;
        if (!done) log2(`after ${tallySoFar.requests} requests: ${fields.reason}`);
        return !done;
      }
    );
    if (!judged) throw new Error("the split gate never judged: no batch was sent");
    log2(`${tally.requests} requests in ${batches} batch${batches === 1 ? "" : "es"}`);
    const { count, errors, samples } = tally.unattributed;
    return {
      service: options.service,
      namespace: options.namespace,
      host: options.host,
      url: options.url ?? `http://${options.host}`,
      requests: tally.requests,
      revisions: revisionResults(tally, options.expected, options.revisions),
      unattributed: { count, errors, samples },
      tagChecks: findings.map((finding) => finding.check),
      ...judged,
      alpha: design.falseFailureBudget,
      durationMs: Math.round(now() - startedAt)
    };
  } finally {
    if (!options.client) client.close();
  }
}
function tagTargets(options) {
  const targets = [];
  for (const side2 of ["base", "pr"]) {
    const host = options.tagHosts[side2];
    const revision = options.revisions[side2];
    if (host && revision) targets.push({ side: side2, tag: side2, host, expectedRevision: revision });
  }
  return targets;
}
async function waitForAnswer(client, url, host, deadline, requestTimeoutMs, options, now) {
  await waitUntil(
    async () => {
      const timeoutMs = Math.max(50, Math.min(requestTimeoutMs, deadline - now()));
      const outcome = await client.get({ url, host, timeoutMs });
      if (outcome.kind === "response" && isSuccess(outcome.status))
        return { done: true, value: void 0 };
      const seen = outcome.kind === "response" ? `HTTP ${outcome.status}` : `connection error: ${outcome.error}`;
      return { done: false, seen };
    },
    {
      what: `${host} to answer 2xx through the ingress at ${options.ingressUrl}`,
      timeoutMs: Math.max(0, deadline - now()),
      intervalMs: options.readyIntervalMs ?? PROBE_DEFAULTS.readyIntervalMs,
      now
    }
  );
}

// src/util/signals.ts
function onCancellation(onCancel, exit = (code) => process.exit(code)) {
  let started = false;
  const handler = (signal) => {
    if (started) return;
    started = true;
    const code = signal === "SIGINT" ? 130 : 143;
    onCancel(signal).then(
      () => exit(code),
      () => exit(code)
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

// src/util/timings.ts
var PhaseTimings = class {
  constructor(now = Date.now) {
    this.now = now;
  }
  now;
  seconds = {};
  async time(phase, step) {
    const started = this.now();
    try {
      return await step();
    } catch (error) {
      throw error instanceof PhaseError ? error : new PhaseError(phase, error);
    } finally {
      this.seconds[phase] = Math.round((this.now() - started) / 100) / 10;
    }
  }
};

// src/action/run-preview.ts
async function runPreview(config, runner, plan, provider) {
  const timings = new PhaseTimings();
  let clusterTimings = {};
  const phaseTimings = () => ({ ...clusterTimings, ...timings.seconds });
  const stopListening = onCancellation((signal) => provider.onCancel(signal));
  try {
    const specs = parseBuildLines(config.build);
    log().info(provider.startMessage(specs.length > 0));
    const [clusterOutcome, imagesOutcome] = await Promise.allSettled([
      provider.start(),
      specs.length ? timings.time("image-build", () => {
        const images2 = log().branch("images");
        return images2.group(
          "Build images",
          () => buildImages(
            {
              docker: createToolRunner("docker", { kind: "docker", log: images2 }),
              git: createToolRunner("git", { kind: "git", log: images2 })
            },
            {
              specs,
              workspace: runner.workspace,
              prSha: plan.headSha,
              baseSha: needsBaseImages(plan) ? plan.baseSha : void 0,
              workDir: runner.workDir
            }
          )
        );
      }) : Promise.resolve(void 0)
    ]);
    if (clusterOutcome.status === "rejected") {
      clusterTimings = provider.failedStartTimings(clusterOutcome.reason);
      throw clusterOutcome.reason;
    }
    if (imagesOutcome.status === "rejected") throw imagesOutcome.reason;
    const cluster = clusterOutcome.value;
    const images = imagesOutcome.value;
    clusterTimings = cluster.timings;
    if (images) {
      const tags = [.../* @__PURE__ */ new Set([...Object.values(images.pr), ...Object.values(images.base ?? {})])];
      const step = cluster.loadImagesStep;
      await log().group(step.title, () => timings.time(step.phase, () => cluster.loadImages(tags)));
    }
    await log().group(
      "Deploy",
      () => timings.time(
        "deploy",
        () => deployServices(cluster.kubectl, plan, { timeoutMs: config.timeoutMinutes * 6e4 })
      )
    );
    const probed = [];
    await timings.time("probe", async () => {
      for (const { service, ingressUrl, links } of await cluster.probeTargets(plan)) {
        const result = await log().group(`Probe ${service.namespace}/${service.name}`, () => {
          log().info(`Probing ${service.host} through ${ingressUrl}`);
          return probeService(
            probeOptionsFromPlan(service, {
              ingressUrl,
              requests: config.requests,
              maxRequests: config.maxRequests,
              splitTolerance: config.splitTolerance,
              log: (m) => log().info(m)
            })
          );
        });
        log().info(`${service.name}: ${result.verdict} (${result.reason})`);
        const reported = links ? { ...result, links } : result;
        probed.push({ plan: service, result: reported, ingressUrl });
      }
    });
    const { services: services2, regressions, autoscaler } = await gatherEvidence(probed, config, {
      kubectl: cluster.kubectl,
      timings
    });
    if (cluster.tidy) {
      const tidy = cluster.tidy;
      await timings.time("tidy", () => tidy(plan)).then(
        (done) => done && log().info(done),
        (error) => log().warning(
          `Could not remove what earlier runs left in the preview namespace (the next run tries again): ${errorMessage(error instanceof PhaseError ? error.cause : error)}`
        )
      );
    }
    const status = worstVerdict(services2);
    return {
      report: {
        status,
        services: services2,
        timings: phaseTimings(),
        ...regressions.length ? { regressions } : {},
        ...autoscaler ? { autoscaler } : {}
      },
      failed: status === "deviates" && config.failOnDeviation || regressions.some((r) => r.failsRun)
    };
  } catch (error) {
    const failedPhase = error instanceof PhaseError ? error.phase : "preview";
    const message = error instanceof PhaseError ? errorMessage(error.cause) : errorMessage(error);
    return {
      report: {
        status: "failed",
        services: [],
        timings: phaseTimings(),
        failure: { phase: failedPhase, message }
      },
      failed: true,
      diagnostics: await provider.diagnose()
    };
  } finally {
    stopListening();
  }
}
function needsBaseImages(plan) {
  return plan.services.some((service) => service.manifests.base !== void 0);
}
function worstVerdict(services2) {
  if (services2.some((s) => s.verdict === "deviates")) return "deviates";
  if (services2.some((s) => s.verdict === "unmeasurable")) return "unmeasurable";
  return "consistent";
}

// src/existing/kubeconfig.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { chmod, mkdir as mkdir2, rm as rm3, writeFile } from "node:fs/promises";
import os2 from "node:os";
import path6 from "node:path";
var MIN_SECRET_LENGTH = 8;
var SECRET_FIELDS = ["token", "password", "client-key-data", "client-certificate-data"];
function kubeconfigSecrets(text2) {
  let config;
  try {
    config = (0, import_yaml5.parse)(text2, { maxAliasCount: 50 });
  } catch {
    config = void 0;
  }
  const found = /* @__PURE__ */ new Set();
  const add = (value) => {
    if (typeof value === "string" && value.trim().length >= MIN_SECRET_LENGTH)
      found.add(value.trim());
  };
  const users = config?.users;
  if (Array.isArray(users)) {
    for (const entry of users) {
      const user = entry?.user;
      if (!user || typeof user !== "object") continue;
      for (const field of SECRET_FIELDS) add(user[field]);
      const provider = user["auth-provider"];
      for (const value of Object.values(provider?.config ?? {})) add(value);
      const exec2 = user.exec;
      if (Array.isArray(exec2?.env)) for (const variable of exec2.env) add(variable?.value);
    }
  } else {
    for (const line of text2.split(/\r?\n/)) {
      add(line);
      add(/^[^:]*:\s*(.*)$/.exec(line)?.[1]?.replace(/^["']|["']$/g, ""));
    }
  }
  return [...found];
}
async function prepareKubeconfig(options) {
  const env = options.env ?? process.env;
  await mkdir2(options.dir, { recursive: true, mode: 448 });
  const file = path6.join(options.dir, "kubeconfig");
  const inputFile = path6.join(options.dir, "kubeconfig-input");
  let source;
  const args = ["config", "view", "--flatten", "--minify", "--raw", "-o", "json"];
  if (options.input) {
    for (const secret of kubeconfigSecrets(options.input)) options.registerSecret(secret);
    await writeFile(inputFile, options.input, { mode: 384 });
    args.unshift("--kubeconfig", inputFile);
    source = "the 'kubeconfig' input";
  } else {
    source = defaultSource(env);
  }
  try {
    const result = await options.kubectl.run(args);
    if (result.exitCode !== 0) throw new UserError(unreadable(source, result.stderr));
    const text2 = result.stdout;
    for (const secret of kubeconfigSecrets(text2)) options.registerSecret(secret);
    const context = currentContext(text2);
    if (!context) throw new UserError(unreadable(source, "it names no current context"));
    await writeFile(file, text2, { mode: 384 });
    await chmod(file, 384);
    return { path: file, context, source };
  } finally {
    await rm3(inputFile, { force: true });
  }
}
function defaultSource(env) {
  const listed = (env.KUBECONFIG ?? "").split(path6.delimiter).filter(Boolean);
  if (listed.length > 0) {
    if (!listed.some((file) => existsSync(file)))
      throw new UserError(
        `KUBECONFIG names ${listed.map((f) => `'${f}'`).join(", ")}, but none of them exists. ${HOW_TO_CONNECT}`
      );
    return `KUBECONFIG (${listed.join(", ")})`;
  }
  const home = env.HOME || os2.homedir();
  const fallback = path6.join(home, ".kube", "config");
  if (!existsSync(fallback))
    throw new UserError(
      `No kubeconfig for the existing cluster: the 'kubeconfig' input is empty, KUBECONFIG is not set and ${fallback} does not exist. ${HOW_TO_CONNECT}`
    );
  return fallback;
}
var HOW_TO_CONNECT = "Pass the kubeconfig's content as the 'kubeconfig' input (kubeconfig: ${{ secrets.KUBECONFIG }}), or run a step before this one that logs in to the cluster (google-github-actions/get-gke-credentials, aws eks update-kubeconfig, azure/aks-set-context).";
function unreadable(source, stderr) {
  const reason = firstLine(stderr, 300);
  const said = reason ? `: ${reason}` : "";
  return `Cannot use the kubeconfig from ${source}${said}. It must be a valid kubeconfig with a current context (kubectl config use-context NAME).`;
}
function currentContext(json) {
  try {
    const config = JSON.parse(json);
    const name = config["current-context"];
    return typeof name === "string" && name ? name : void 0;
  } catch {
    return void 0;
  }
}

// src/action/existing-cluster.ts
import { join as join5 } from "node:path";

// src/existing/knative-serving.ts
var OLDEST_SERVING = { major: 1, minor: OLDEST_KNATIVE };
var REQUIRED_RESOURCES = ["services", "revisions", "routes", "configurations"];
function judgeServing(facts) {
  const install = "Ask the cluster owner to install Knative Serving (https://knative.dev/docs/install/) with an ingress; this action never installs anything on an existing cluster.";
  if (!facts.served)
    return {
      ok: false,
      problem: `The cluster does not serve the API group serving.knative.dev: Knative Serving is not installed. ${install}`
    };
  if (!facts.versions.includes("v1"))
    return {
      ok: false,
      problem: `The cluster's Knative Serving is too old: it serves serving.knative.dev ${[...facts.versions].sort().join(", ") || "(no versions)"}, not v1. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`
    };
  const missing = REQUIRED_RESOURCES.filter((r) => !facts.resources.includes(r));
  if (missing.length)
    return {
      ok: false,
      problem: `The cluster's serving.knative.dev/v1 lacks ${missing.join(", ")}: its Knative Serving is incomplete or too old. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`
    };
  if (facts.release === void 0)
    return {
      ok: true,
      notes: [
        `Could not read which Knative Serving release the cluster runs (${facts.releaseUnknown ?? "no version label"}); it serves serving.knative.dev/v1, so going on.`
      ]
    };
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(facts.release);
  if (!match)
    return {
      ok: true,
      notes: [`Knative Serving reports the release '${facts.release.slice(0, 40)}'; going on.`]
    };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < OLDEST_SERVING.major || major === OLDEST_SERVING.major && minor < OLDEST_SERVING.minor)
    return {
      ok: false,
      problem: `The cluster runs Knative Serving ${match[0]}, which is too old: this action needs ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer. Ask the cluster owner to upgrade it.`
    };
  return { ok: true, notes: [`The cluster runs Knative Serving ${match[0]}.`] };
}
async function readServingFacts(kubectl) {
  const group = await getRaw(
    kubectl,
    "/apis/serving.knative.dev"
  );
  if (!group) return { served: false, versions: [], resources: [] };
  const versions = (group.versions ?? []).map((v) => v.version).filter((v) => typeof v === "string");
  let resources = [];
  if (versions.includes("v1")) {
    const list2 = await getRaw(
      kubectl,
      "/apis/serving.knative.dev/v1"
    );
    resources = (list2?.resources ?? []).map((r) => r.name).filter((n) => typeof n === "string" && !n.includes("/"));
  }
  const tried = [];
  for (const [resource, name] of [
    ["customresourcedefinition", "services.serving.knative.dev"],
    ["namespace", "knative-serving"]
  ]) {
    const result = await kubectl.run(["get", resource, name, "-o", "json"]);
    const release = result.exitCode === 0 ? releaseOf(result.stdout) : void 0;
    if (release) return { served: true, versions, resources, release };
    tried.push(
      `${resource} ${name}: ${result.exitCode === 0 ? "no release label" : firstLine(result.stderr) || "not readable"}`
    );
  }
  return { served: true, versions, resources, releaseUnknown: tried.join("; ") };
}
function releaseOf(crdJson) {
  let labels;
  try {
    labels = JSON.parse(crdJson).metadata?.labels;
  } catch {
    return void 0;
  }
  for (const key of ["app.kubernetes.io/version", "serving.knative.dev/release"]) {
    const value = labels?.[key];
    if (typeof value === "string" && /^v?\d+\.\d+\.\d+/.test(value)) return value.slice(0, 40);
  }
  return void 0;
}
var UNREACHABLE = /Unable to connect|connection refused|was refused|no such host|i\/o timeout|dial tcp|TLS handshake timeout|connection reset/i;
var BUSY = /InternalError|ServiceUnavailable|currently unable to handle|TooManyRequests|etcdserver|the server was unable to return a response/i;
var DEFAULT_READ_RETRY = { attempts: 4, initialDelayMs: 1e3 };
async function getRaw(kubectl, apiPath, retry = DEFAULT_READ_RETRY) {
  let tries = 0;
  try {
    const { stdout } = await withRetry(
      () => {
        tries++;
        return kubectl.runOk(["get", "--raw", apiPath]);
      },
      {
        what: `kubectl get --raw ${apiPath}`,
        attempts: retry.attempts,
        initialDelayMs: retry.initialDelayMs,
        maxDelayMs: 8e3,
        isTransient: (error) => error instanceof ToolError && isPassing(error),
        onRetry: (error, attempt, delayMs) => log().info(
          `The cluster's API server did not answer ${apiPath} (attempt ${attempt}): ${firstLine(toolSaid(error))}; trying again in ${delayMs / 1e3} s`
        ),
        ...retry.sleep ? { sleep: retry.sleep } : {}
      }
    );
    return JSON.parse(stdout);
  } catch (error) {
    const last = error instanceof Error && error.cause instanceof ToolError ? error.cause : error;
    if (isNotFound(last)) return void 0;
    throw clusterAccessError(last, tries);
  }
}
function isPassing(error) {
  const said = toolSaid(error);
  return UNREACHABLE.test(said) || BUSY.test(said);
}
function toolSaid(error) {
  return error instanceof ToolError ? error.result.stderr || error.result.stdout : "";
}
function clusterAccessError(error, tries = 1) {
  if (!(error instanceof ToolError))
    return error instanceof Error ? error : new Error(String(error));
  const said = firstLine(error.result.stderr || error.result.stdout);
  const sentence = /[.?!]$/.test(said) ? said : `${said}.`;
  if (/Unauthorized|provide credentials|x509|certificate/i.test(said))
    return new UserError(
      `The existing cluster refused the kubeconfig's credentials: ${sentence} Check the kubeconfig secret (or the login step before this one).`
    );
  if (UNREACHABLE.test(said))
    return new UserError(
      `Cannot reach the existing cluster's API server${tries > 1 ? ` (asked ${tries} times)` : ""}: ${sentence} The runner must be able to reach it (a private cluster needs a self-hosted runner or an authorised network).`
    );
  return new Error(`kubectl failed${tries > 1 ? ` (asked ${tries} times)` : ""}: ${said}`);
}

// src/existing/discovery-scope.ts
var API_VERSION = /^(?:([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/;
function discoveryPath(apiVersion) {
  const match = API_VERSION.exec(apiVersion);
  if (!match || apiVersion.length > 253) return void 0;
  return match[1] ? `/apis/${match[1]}/${match[3]}` : `/api/${match[3]}`;
}
function scopeProblem(placed, served, namespace) {
  const { object, source } = placed;
  const where = source ? `${source.file}:${source.line}: ` : "";
  const what = `${object.kind} '${object.metadata.name}' (${object.apiVersion})`;
  if (!served)
    return `${where}${what}: the cluster does not serve ${object.apiVersion}. Only kinds the cluster already has can be previewed (installing CRDs is the cluster owner's job).`;
  const resource = served.find((r) => r.kind === object.kind && !r.name.includes("/"));
  if (!resource)
    return `${where}${what}: the cluster serves no kind ${object.kind} in ${object.apiVersion}.`;
  if (!resource.namespaced)
    return `${where}${what} is cluster-scoped on this cluster. A preview only creates objects inside its namespace '${namespace}'; remove it from the manifests.`;
  return void 0;
}
function placedObjects(plan) {
  const placed = [];
  for (const service of plan.services) {
    placed.push({ object: service.manifests.pr, source: service.source });
    if (service.manifests.base) placed.push({ object: service.manifests.base });
  }
  plan.otherObjects.forEach(
    (object, index) => placed.push({ object, source: plan.otherObjectSources?.[index] })
  );
  return placed;
}
async function checkServedScope(kubectl, plan, namespace) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const placed of placedObjects(plan)) {
    const { apiVersion } = placed.object;
    const path9 = discoveryPath(apiVersion);
    if (!path9) {
      const where = placed.source ? `${placed.source.file}:${placed.source.line}: ` : "";
      throw new UserError(`${where}'${apiVersion}' is not a Kubernetes apiVersion.`, placed.source);
    }
    if (!byVersion.has(apiVersion)) {
      const list2 = await getRaw(kubectl, path9);
      byVersion.set(apiVersion, list2 ? resourcesOf(list2.resources) : void 0);
    }
    const problem = scopeProblem(placed, byVersion.get(apiVersion), namespace);
    if (problem) throw new UserError(problem, placed.source);
  }
}
function resourcesOf(value) {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const r = entry;
    return r && typeof r.name === "string" && typeof r.kind === "string" ? [{ name: r.name, kind: r.kind, namespaced: r.namespaced === true }] : [];
  });
}

// src/existing/namespace-client.ts
function kubectlNamespaceClient(kubectl) {
  return {
    get: (name) => kubectl.tryGetJson("namespace", name),
    async list(selector) {
      const { stdout } = await kubectl.runOk(["get", "namespaces", "-l", selector, "-o", "json"]);
      return JSON.parse(stdout).items ?? [];
    },
    async create(namespace) {
      const result = await kubectl.run(["create", "-f", "-", "-o", "name"], {
        input: JSON.stringify(namespace)
      });
      if (result.exitCode === 0) return "created";
      if (/AlreadyExists|already exists/.test(result.stderr)) return "exists";
      throw new ToolError("kubectl create namespace", result);
    },
    async patch(name, operations) {
      const result = await kubectl.run([
        "patch",
        "namespace",
        name,
        "--type=json",
        "-p",
        JSON.stringify(operations)
      ]);
      if (result.exitCode === 0) return "done";
      if (/\(Conflict\)|\(Invalid\)|rejected our request|test|NotFound|not found/i.test(result.stderr))
        return "changed";
      throw new ToolError(`kubectl patch namespace ${name}`, result);
    },
    async deleteExactly(name, uid, resourceVersion) {
      const options = {
        kind: "DeleteOptions",
        apiVersion: "v1",
        preconditions: { uid, resourceVersion }
      };
      const result = await kubectl.run(
        ["delete", "--raw", `/api/v1/namespaces/${encodeURIComponent(name)}`, "-f", "-"],
        { input: JSON.stringify(options) }
      );
      if (result.exitCode === 0) return "done";
      if (isNotFound(new ToolError("", result))) return "done";
      if (/\(Conflict\)|precondition|Precondition/i.test(result.stderr)) return "changed";
      throw new ToolError(`kubectl delete namespace ${name}`, result);
    }
  };
}

// src/existing/ownership.ts
var MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
var MANAGED_BY = "knative-action";
var REPOSITORY_LABEL = "knative-action/repository";
var PR_LABEL = "knative-action/pull-request";
var REPOSITORY_ANNOTATION = "knative-action/repository";
var EXPIRES_ANNOTATION = "knative-action/expires-at";
var RUN_ANNOTATION = "knative-action/last-run";
var LABEL_VALUE = /^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$/;
function repositoryLabelValue(repository) {
  const readable = repository.toLowerCase().replace("/", ".");
  if (LABEL_VALUE.test(readable) && readable.length <= 63) return readable;
  const hash = shortHash(repository.toLowerCase(), 10);
  const start = readable.replace(/[^a-z0-9._-]+/g, "-").slice(0, 63 - hash.length - 1).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return start ? `${start}-${hash}` : hash;
}
function ownerLabels(owner) {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY,
    [REPOSITORY_LABEL]: repositoryLabelValue(owner.repository),
    [PR_LABEL]: String(owner.pr)
  };
}
function repositorySelector(repository) {
  return `${MANAGED_BY_LABEL}=${MANAGED_BY},${REPOSITORY_LABEL}=${repositoryLabelValue(repository)}`;
}
function namespaceObject(name, owner, annotations) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      labels: ownerLabels(owner),
      annotations: {
        [REPOSITORY_ANNOTATION]: owner.repository,
        [EXPIRES_ANNOTATION]: annotations.expiresAt,
        ...annotations.runUrl ? { [RUN_ANNOTATION]: annotations.runUrl } : {}
      }
    }
  };
}
function ownershipOf(namespace, owner) {
  const repository = previewRepositoryProblem(namespace, owner.repository);
  if (repository) return { ours: false, why: repository };
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL];
  if (pr !== String(owner.pr)) {
    return {
      ours: false,
      why: pr === void 0 ? `it has no ${PR_LABEL} label` : `it is the preview of another pull request of this repository (${PR_LABEL}=${shown(pr)})`
    };
  }
  return { ours: true };
}
function previewPullRequest(namespace, repository) {
  if (previewRepositoryProblem(namespace, repository)) return void 0;
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL] ?? "";
  if (!/^[1-9]\d{0,9}$/.test(pr)) return void 0;
  return Number(pr);
}
function previewRepositoryProblem(namespace, repository) {
  const labels = stringMap(namespace.metadata?.labels);
  const annotations = stringMap(namespace.metadata?.annotations);
  const managedBy = labels[MANAGED_BY_LABEL];
  if (managedBy !== MANAGED_BY) {
    return managedBy === void 0 ? `it has no label ${MANAGED_BY_LABEL}=${MANAGED_BY}, so this action did not make it` : `it is managed by ${shown(managedBy)}, not ${MANAGED_BY}`;
  }
  const label = labels[REPOSITORY_LABEL];
  const annotation = annotations[REPOSITORY_ANNOTATION];
  if (label !== repositoryLabelValue(repository) || annotation?.toLowerCase() !== repository.toLowerCase()) {
    return `it is the preview of another repository (${shown(annotation ?? label ?? "unnamed")})`;
  }
  return "";
}
function refreshPatch(namespace, owner, annotations) {
  const resourceVersion = namespace.metadata?.resourceVersion;
  if (typeof resourceVersion !== "string" || !resourceVersion)
    throw new Error(`namespace ${String(namespace.metadata?.name)} has no resourceVersion`);
  const ops = [
    { op: "test", path: "/metadata/resourceVersion", value: resourceVersion }
  ];
  for (const [key, value] of Object.entries(ownerLabels(owner)))
    ops.push({ op: "test", path: `/metadata/labels/${pointerKey(key)}`, value });
  ops.push({
    op: "add",
    path: `/metadata/annotations/${pointerKey(EXPIRES_ANNOTATION)}`,
    value: annotations.expiresAt
  });
  if (annotations.runUrl)
    ops.push({
      op: "add",
      path: `/metadata/annotations/${pointerKey(RUN_ANNOTATION)}`,
      value: annotations.runUrl
    });
  return ops;
}
function pointerKey(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
function stringMap(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry) => typeof entry[1] === "string"
    )
  );
}
function shown(value) {
  const cleaned = value.replace(/[^\w./-]/g, "?");
  return `'${cleaned.length > 80 ? `${cleaned.slice(0, 79)}\u2026` : cleaned}'`;
}

// src/existing/preview-namespace.ts
var MAX_ROUNDS = 5;
var ForeignNamespaceError = class extends UserError {
  constructor(namespace, why) {
    super(
      `The namespace '${namespace}' exists and is not this pull request's preview: ${why}. The action leaves it untouched. Choose another name with the 'namespace' input, or, if it is a leftover of yours, delete it yourself.`
    );
    this.namespace = namespace;
    this.name = "ForeignNamespaceError";
  }
  namespace;
};
async function claimNamespace(client, name, owner, annotations, options) {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) {
      if (await client.create(namespaceObject(name, owner, annotations)) === "created")
        return { created: true };
      options.log?.(`namespace ${name} appeared meanwhile; checking whose it is`);
      continue;
    }
    requireOurs(current, name, owner);
    if (current.metadata?.deletionTimestamp) {
      options.log?.(
        `namespace ${name} is being deleted; waiting until it is gone to create it again`
      );
      await waitUntilGone(client, name, options);
      continue;
    }
    if (await client.patch(name, refreshPatch(current, owner, annotations)) === "done")
      return { created: false };
    options.log?.(`namespace ${name} changed while its expiry was refreshed; reading it again`);
  }
  throw new Error(
    `namespace ${name} kept changing while this run claimed it (${MAX_ROUNDS} attempts); is another run writing to it?`
  );
}
async function deleteNamespace(client, name, owner, options) {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) return { deleted: false };
    requireOurs(current, name, owner);
    const kept = current.metadata?.deletionTimestamp ? void 0 : options.keepReason?.(current);
    if (kept) return { deleted: false, kept };
    if (!current.metadata?.deletionTimestamp) {
      const uid = current.metadata?.uid;
      const version = current.metadata?.resourceVersion;
      if (typeof uid !== "string" || typeof version !== "string")
        throw new Error(`namespace ${name} as read has no uid or resourceVersion`);
      if (await client.deleteExactly(name, uid, version) === "changed") {
        options.log?.(`namespace ${name} changed just before the delete; reading it again`);
        continue;
      }
    }
    await waitUntilGone(client, name, options);
    return { deleted: true };
  }
  throw new Error(
    `namespace ${name} kept changing while this run deleted it (${MAX_ROUNDS} attempts); is another run writing to it?`
  );
}
function requireOurs(current, name, owner) {
  const ownership = ownershipOf(current, owner);
  if (!ownership.ours) throw new ForeignNamespaceError(name, ownership.why);
}
async function waitUntilGone(client, name, options) {
  await waitUntil(
    async () => {
      const current = await client.get(name);
      if (!current) return { done: true, value: void 0 };
      return { done: false, seen: describeTerminating(current) };
    },
    {
      what: `namespace ${name} to be deleted (Kubernetes deletes everything in it first)`,
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs ?? 2e3,
      sleep: options.sleep,
      now: options.now
    }
  );
}
function describeTerminating(namespace) {
  const name = namespace.metadata?.name ?? "?";
  const phase = namespace.status?.phase;
  const blocking = (namespace.status?.conditions ?? []).find(
    (c) => c.status === "True" && c.type !== "NamespaceDeletionDiscoveryFailure"
  );
  const detail = blocking ? ` (${[blocking.type, blocking.message].filter(Boolean).join(": ").slice(0, 200)})` : "";
  const state = typeof phase === "string" ? phase : namespace.metadata?.deletionTimestamp ? "Terminating" : "Active";
  return `namespace ${name}: ${state}${detail}`;
}

// src/existing/served-urls.ts
var SAFE_URL = /^(https?):\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)(:(\d{1,5}))?\/?$/;
function safeHttpUrl(value) {
  if (typeof value !== "string" || value.length > 300) return void 0;
  const match = SAFE_URL.exec(value);
  if (!match) return void 0;
  if (match[7] !== void 0 && (Number(match[7]) < 1 || Number(match[7]) > 65535))
    return void 0;
  return value.replace(/\/$/, "");
}
function servedUrls(ksvc, service) {
  const id = `${service.namespace}/${service.name}`;
  const status = ksvc?.status ?? {};
  const route = safeHttpUrl(status.url);
  if (!route)
    return {
      ok: false,
      problem: `service ${id} has no usable status.url (saw ${JSON.stringify(status.url ?? null).slice(0, 120)})`
    };
  if (/\.svc(\.cluster\.local)?$/.test(new URL(route).hostname))
    return {
      ok: false,
      problem: `service ${id} is only reachable inside the cluster (${route}): the cluster's Knative domain is cluster-local, or the service is labelled networking.knative.dev/visibility=cluster-local. A preview needs an external domain (config-domain).`
    };
  const links = { route };
  const targets = Array.isArray(status.traffic) ? status.traffic : [];
  for (const side2 of ["base", "pr"]) {
    if (!service.tagHosts[side2]) continue;
    const target = targets.find((t) => t?.tag === side2);
    const url = safeHttpUrl(target?.url);
    if (!url)
      return {
        ok: false,
        problem: `service ${id} has no usable URL for its '${side2}' tag in status.traffic`
      };
    links[side2] = url;
  }
  return { ok: true, links };
}
function servedService(service, links) {
  const host = (url) => new URL(url).hostname;
  return {
    ...service,
    host: host(links.route),
    url: links.route,
    tagHosts: {
      ...links.base ? { base: host(links.base) } : {},
      pr: links.pr ? host(links.pr) : service.tagHosts.pr
    }
  };
}
function probeIngressUrl(links, ingressAddress) {
  if (ingressAddress) return { ok: true, url: `http://${ingressAddress}` };
  const route = new URL(links.route);
  if (route.protocol !== "http:")
    return {
      ok: false,
      problem: `the route ${links.route} is HTTPS, and the probe sends plain HTTP: set 'ingress-address' to the host:port where the cluster's ingress answers HTTP (the Host header picks the route).`
    };
  return { ok: true, url: route.origin };
}

// src/existing/tidy.ts
var SERVICE_LABEL = "serving.knative.dev/service";
function leftovers(plan, revisions, services2) {
  const planned = new Set(plan.services.map((s) => s.name));
  const serving = new Set(
    plan.services.flatMap((s) => s.traffic.map((t) => t.revisionName).filter(Boolean))
  );
  const goneServices = services2.map((s) => s.metadata?.name).filter((name) => typeof name === "string" && !planned.has(name)).sort();
  const staleRevisions = revisions.filter((revision) => {
    const name = revision.metadata?.name;
    const owner = revision.metadata?.labels?.[SERVICE_LABEL];
    return typeof name === "string" && owner !== void 0 && planned.has(owner) && !serving.has(name);
  }).map((revision) => revision.metadata.name).sort();
  return { revisions: staleRevisions, services: goneServices };
}
async function tidyNamespace(kubectl, namespace, plan) {
  const [revisions, services2] = await Promise.all([
    kubectl.getJson("revisions.serving.knative.dev", void 0, namespace),
    kubectl.getJson("services.serving.knative.dev", void 0, namespace)
  ]);
  const found = leftovers(plan, revisions.items ?? [], services2.items ?? []);
  for (const [resource, names] of [
    ["services.serving.knative.dev", found.services],
    ["revisions.serving.knative.dev", found.revisions]
  ]) {
    if (names.length === 0) continue;
    await kubectl.runOk([
      "delete",
      resource,
      ...names,
      "-n",
      namespace,
      "--ignore-not-found",
      "--wait=false"
    ]);
  }
  return found;
}

// src/images/push.ts
var PERMANENT = /denied|unauthorized|authentication required|forbidden|invalid reference|name unknown|no basic auth credentials|does not exist locally|An image does not exist/i;
async function pushImages(docker, options) {
  for (const [local, remote] of options.images) {
    await docker.runOk(["tag", local, remote]);
    options.log?.(`pushing ${remote}`);
    try {
      await withRetry(() => docker.runOk(["push", remote], { stream: true }), {
        what: `docker push ${remote}`,
        attempts: options.attempts ?? 3,
        initialDelayMs: options.initialDelayMs ?? 2e3,
        isTransient: (error) => !(error instanceof ToolError && PERMANENT.test(`${error.result.stderr}
${error.result.stdout}`)),
        onRetry: (error, attempt, delay) => options.log?.(
          `push of ${remote} failed (try ${attempt}); again in ${Math.round(delay / 1e3)} s`
        ),
        sleep: options.sleep
      });
    } catch (error) {
      const text2 = error instanceof ToolError ? `${error.result.stderr}
${error.result.stdout}` : "";
      if (/denied|unauthorized|authentication required|no basic auth credentials/i.test(text2))
        throw new UserError(
          `The registry refused the push of ${remote}: ${firstLine(text2, 200)}. Log in before this step (e.g. docker/login-action with the registry and a token that may push there; for ghcr.io, permissions: packages: write).`
        );
      throw error;
    }
  }
}

// src/install/tools.ts
import { constants as constants2 } from "node:fs";
import { access, readFile as readFile2 } from "node:fs/promises";
import { delimiter, join as join4 } from "node:path";

// src/install/downloader.ts
import { randomUUID } from "node:crypto";
import { chmod as chmod2, mkdir as mkdir3, rename, rm as rm4 } from "node:fs/promises";
import { existsSync as existsSync3 } from "node:fs";
import { join as join3 } from "node:path";

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as fs from "fs";

// node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver2(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os3 from "os";
import * as path7 from "path";
var semver2 = __toESM(require_semver2(), 1);
import { ok } from "assert";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
function cacheFile(sourceFile, targetFile, tool, version, arch2) {
  return __awaiter(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os3.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source file: ${sourceFile}`);
    if (!fs.statSync(sourceFile).isFile()) {
      throw new Error("sourceFile is not a file");
    }
    const destFolder = yield _createToolPath(tool, version, arch2);
    const destPath = path7.join(destFolder, targetFile);
    debug(`destination file ${destPath}`);
    yield cp(sourceFile, destPath);
    _completeToolPath(tool, version, arch2);
    return destFolder;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os3.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver2.clean(versionSpec) || "";
    const cachePath = path7.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs.existsSync(cachePath) && fs.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os3.arch();
  const toolPath = path7.join(_getCacheDirectory(), toolName);
  if (fs.existsSync(toolPath)) {
    const children = fs.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path7.join(toolPath, child, arch2 || "");
        if (fs.existsSync(fullPath) && fs.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createToolPath(tool, version, arch2) {
  return __awaiter(this, void 0, void 0, function* () {
    const folderPath = path7.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path7.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver2.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver2.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b) => {
    if (semver2.gt(a, b)) {
      return 1;
    }
    return -1;
  });
  for (let i = versions.length - 1; i >= 0; i--) {
    const potential = versions[i];
    const satisfied = semver2.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}

// src/install/checksums.ts
var SHA256 = /^[0-9a-f]{64}$/i;
function hashFromChecksumList(listText, fileName) {
  for (const rawLine of listText.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*)$/.exec(rawLine.trim());
    if (!match) continue;
    const path9 = match[2].trim();
    const baseName = path9.slice(path9.lastIndexOf("/") + 1);
    if (baseName === fileName) return match[1].toLowerCase();
  }
  return void 0;
}
function hashFromSingleHashFile(text2) {
  const first = text2.trim().split(/\s+/)[0] ?? "";
  return SHA256.test(first) ? first.toLowerCase() : void 0;
}
var ChecksumMismatchError = class extends Error {
  constructor(fileName, expected, actual, url) {
    super(
      `sha256 mismatch for ${fileName} (from ${url}): expected ${expected}, got ${actual}. The download is corrupt or was tampered with; it was not cached.`
    );
    this.fileName = fileName;
    this.expected = expected;
    this.actual = actual;
    this.url = url;
    this.name = "ChecksumMismatchError";
  }
  fileName;
  expected;
  actual;
  url;
};

// src/install/file-hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
async function sha256OfFile(path9) {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path9), hash);
  return hash.digest("hex");
}

// src/install/http-fetch.ts
import { createHash as createHash2 } from "node:crypto";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";

// src/util/http-failures.ts
var TRANSIENT_NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT"
]);
var NOT_SENT_NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH"
]);
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return void 0;
  const text2 = value.trim();
  if (/^\d+$/.test(text2)) return Number(text2) * 1e3;
  const at = Date.parse(text2);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function networkCode(error, depth = 0) {
  if (typeof error !== "object" || error === null || depth > 5) return void 0;
  const withCode = error;
  if (typeof withCode.code === "string") return withCode.code;
  return withCode.cause !== error ? networkCode(withCode.cause, depth + 1) : void 0;
}
function isTimeout(error, depth = 0) {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error.name === "TimeoutError") return true;
  const cause = error.cause;
  return error.name === "AbortError" && cause !== error && isTimeout(cause, depth + 1);
}

// src/install/http-fetch.ts
var HttpStatusError = class extends Error {
  constructor(url, status, retryAfterMs) {
    super(`GET ${url} answered HTTP ${status}`);
    this.url = url;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.name = "HttpStatusError";
  }
  url;
  status;
  retryAfterMs;
};
function isTransientDownloadError(error) {
  if (error instanceof HttpStatusError) {
    return error.status >= 500 || error.status === 408 || error.status === 429;
  }
  if (!(error instanceof Error)) return false;
  if (isTimeout(error)) return true;
  const code = networkCode(error);
  if (code && TRANSIENT_NETWORK_CODES.has(code)) return true;
  return error instanceof TypeError && /fetch failed|terminated|other side closed/i.test(error.message);
}
async function get(url, signal) {
  const response = await fetch(url, {
    signal,
    redirect: "follow",
    headers: { "user-agent": "knative-action" }
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => void 0);
    throw new HttpStatusError(
      url,
      response.status,
      parseRetryAfter(response.headers.get("retry-after"))
    );
  }
  return response;
}
async function fetchToFile(url, dest, signal) {
  const response = await get(url, signal);
  if (!response.body) throw new Error(`GET ${url} returned no body`);
  const hash = createHash2("sha256");
  const hashing = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    }
  });
  await pipeline2(
    Readable.fromWeb(response.body),
    hashing,
    createWriteStream2(dest),
    {
      signal
    }
  );
  return hash.digest("hex");
}
async function fetchText(url, signal) {
  const response = await get(url, signal);
  return response.text();
}

// src/install/downloader.ts
async function downloadVerified(artifact, options) {
  const cacheRoot = process.env["RUNNER_TOOL_CACHE"];
  let expected;
  if (cacheRoot) {
    const cachedDir = find(artifact.cacheName, artifact.version, artifact.arch);
    const cachedFile = cachedDir ? join3(cachedDir, artifact.fileName) : "";
    if (cachedFile && existsSync3(cachedFile)) {
      expected = trustedPin(artifact, options) ?? await expectedHash(artifact, options);
      const actual = await sha256OfFile(cachedFile);
      if (actual === expected) return { path: cachedFile, fromCache: true };
      (options.warn ?? ((m) => log().warning(m)))(
        `The tool cache's ${artifact.fileName} (${artifact.cacheName} ${artifact.version}) has sha256 ${actual}, expected ${expected}: it was changed after it was cached. Discarding it and downloading again.`
      );
      try {
        await rm4(`${cachedDir}.complete`, { force: true });
        await rm4(cachedDir, { recursive: true, force: true });
      } catch (error) {
        throw new Error(
          `The tool cache's ${artifact.fileName} at ${cachedFile} was changed after it was cached and cannot be removed (${errorMessage(error)}); refusing to use it. Delete ${cachedDir} on the runner.`,
          { cause: error }
        );
      }
      if (trustedPin(artifact, options)) expected = void 0;
    }
  }
  const url = mirroredUrl(artifact.url, options.mirror);
  expected ??= await expectedHash(artifact, options);
  const workDir = join3(options.workDir, "downloads", randomUUID());
  await mkdir3(workDir, { recursive: true });
  const partial = join3(workDir, `${artifact.fileName}.partial`);
  try {
    const actual = await retrying(`download ${url}`, options, async (signal) => {
      await rm4(partial, { force: true });
      return fetchToFile(url, partial, signal);
    });
    if (actual !== expected)
      throw new ChecksumMismatchError(artifact.fileName, expected, actual, url);
    if (artifact.executable) await chmod2(partial, 493);
    if (!cacheRoot) {
      const finalPath = join3(workDir, artifact.fileName);
      await rename(partial, finalPath);
      return { path: finalPath, fromCache: false };
    }
    const cachedDir = await cacheFile(
      partial,
      artifact.fileName,
      artifact.cacheName,
      artifact.version,
      artifact.arch
    );
    const cachedFile = join3(cachedDir, artifact.fileName);
    if (artifact.executable) await chmod2(cachedFile, 493);
    return { path: cachedFile, fromCache: false };
  } finally {
    if (cacheRoot) await rm4(workDir, { recursive: true, force: true });
    else await rm4(partial, { force: true });
  }
}
function trustedPin(artifact, options) {
  return options.mirror ? void 0 : artifact.pinnedSha256;
}
async function expectedHash(artifact, options) {
  const listUrl = mirroredUrl(artifact.checksum.url, options.mirror);
  const text2 = await retrying(
    `download ${listUrl}`,
    options,
    (signal) => fetchText(listUrl, signal)
  );
  const listed = artifact.checksum.kind === "list" ? hashFromChecksumList(text2, artifact.fileName) : hashFromSingleHashFile(text2);
  if (!listed) {
    throw new Error(
      `The checksum file ${listUrl} has no sha256 for ${artifact.fileName}; refusing an unverified download.`
    );
  }
  const pinned = trustedPin(artifact, options);
  if (pinned && listed !== pinned) {
    throw new Error(
      `The checksum file ${listUrl} gives ${listed} for ${artifact.fileName} ${artifact.version}, but this action ships ${pinned} for it: the release was changed after it was published, or the list was tampered with. Refusing the download.`
    );
  }
  return listed;
}
async function retrying(what, options, attempt) {
  const now = options.now ?? Date.now;
  return withRetry(
    async () => {
      const remaining = options.deadline - now();
      if (remaining <= 0) throw new Error(`${what}: the download deadline has passed`);
      const signal = AbortSignal.timeout(Math.min(options.attemptTimeoutMs ?? 12e4, remaining));
      return attempt(signal);
    },
    {
      what,
      attempts: options.attempts ?? 4,
      initialDelayMs: options.initialDelayMs ?? 1e3,
      maxDelayMs: options.maxDelayMs ?? 1e4,
      deadline: options.deadline,
      now,
      isTransient: isTransientDownloadError,
      retryAfterMs: (error) => error instanceof HttpStatusError ? error.retryAfterMs : void 0,
      onRetry: (error, n, delayMs) => options.log?.(
        `${what}: attempt ${n} failed (${describe2(error)}); retrying in ${Math.round(delayMs / 100) / 10}s`
      )
    }
  );
}
function describe2(error) {
  if (error instanceof HttpStatusError) return `HTTP ${error.status}`;
  return error instanceof Error ? error.message : String(error);
}

// src/install/kubectl-skew.ts
var showVersion = (v) => `v${v.major}.${v.minor}.${v.patch}`;
function parseKubeVersion(text2) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text2.trim());
  if (!match) return void 0;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
function clientVersionFromJson(stdout) {
  try {
    const parsed = JSON.parse(stdout);
    const gitVersion = parsed.clientVersion?.gitVersion;
    return typeof gitVersion === "string" ? parseKubeVersion(gitVersion) : void 0;
  } catch {
    return void 0;
  }
}
async function readKubectlClientVersion(kubectlPath, runner = createToolRunner(kubectlPath, { kind: "kubectl" })) {
  const result = await runner.run(["version", "--client", "-o", "json"]).catch(() => void 0);
  if (!result || result.exitCode !== 0) return void 0;
  return clientVersionFromJson(result.stdout);
}
var SUPPORTED_SKEW = 1;
function skew(a, b) {
  return a.major === b.major ? Math.abs(a.minor - b.minor) : Number.POSITIVE_INFINITY;
}
function distance(client, server) {
  if (client.major !== server.major) return "a different major version than";
  const minors = client.minor - server.minor;
  const count = Math.abs(minors);
  return `${count} minor version${count === 1 ? "" : "s"} ${minors > 0 ? "ahead of" : "behind"}`;
}
function chooseKubectl(input) {
  const { runner, server, pinned } = input;
  const pinnedWarning = skew(pinned, server) > SUPPORTED_SKEW ? `kubectl-version ${showVersion(pinned)} is ${distance(pinned, server)} the cluster's Kubernetes ${showVersion(server)}; kubectl supports one minor version either way. Set kubectl-version to a v${server.major}.${server.minor}.x release.` : void 0;
  const usePinned = (why) => ({
    use: "pinned",
    reason: `${why}; using the pinned kubectl ${showVersion(pinned)}.`,
    ...pinnedWarning ? { warning: pinnedWarning } : {}
  });
  if (!runner) return usePinned("No kubectl on PATH");
  if (!runner.version) {
    return usePinned(`The runner's kubectl (${runner.path}) did not report its version`);
  }
  if (skew(runner.version, server) > SUPPORTED_SKEW) {
    return usePinned(
      `The runner's kubectl ${showVersion(runner.version)} is ${distance(runner.version, server)} the cluster's Kubernetes ${showVersion(server)} (kubectl supports one minor version either way)`
    );
  }
  return {
    use: "runner",
    reason: `Using the runner's kubectl ${showVersion(runner.version)} (${runner.path}): within one minor version of the cluster's Kubernetes ${showVersion(server)}.`
  };
}

// src/install/platform.ts
var RELEASE_ARCH = { x64: "amd64", arm64: "arm64" };
function releaseArch(platform = process.platform, arch2 = process.arch) {
  const mapped = RELEASE_ARCH[arch2];
  if (platform !== "linux" || !mapped) {
    throw new UserError(
      `This action needs a Linux runner on x64 or arm64 (k3d runs the cluster in Docker); this runner is ${platform}/${arch2}. Use runs-on: ubuntu-latest or ubuntu-24.04-arm.`
    );
  }
  return mapped;
}
var k3dAssetName = (arch2) => `k3d-linux-${arch2}`;

// src/install/pinned-hashes.ts
var PINNED_SHA256 = /* @__PURE__ */ new Map([
  // k3d v5.9.0. Stated in the AUR package rancher-k3d-bin 5.9.0-1 (PKGBUILD sha256sums_x86_64 /
  // sha256sums_aarch64), and the same pair in many pinned installers (renovate-managed
  // K3D_SUM_linux_amd64/arm64 lines, bazel http_file rules).
  [
    "https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64",
    "06d8f25bc3a971c4eb29e0ff08429b180402db0f4dec838c9eac427e296800a0"
  ],
  [
    "https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-arm64",
    "03cde5cf23e6e8e67de5a039ecf26e5b85aca82fba3e5d13dadf904cd218a250"
  ],
  // kubectl v1.34.2. Stated in cert-manager/makefile-modules, modules/tools/00_mod.mk at
  // 452c18d497eea0b87904b01299e663220f1e158b (kubectl_linux_amd64_SHA256SUM /
  // kubectl_linux_arm64_SHA256SUM, next to `tools += kubectl=v1.34.2`).
  [
    "https://dl.k8s.io/release/v1.34.2/bin/linux/amd64/kubectl",
    "9591f3d75e1581f3f7392e6ad119aab2f28ae7d6c6e083dc5d22469667f27253"
  ],
  [
    "https://dl.k8s.io/release/v1.34.2/bin/linux/arm64/kubectl",
    "95df604e914941f3172a93fa8feeb1a1a50f4011dfbe0c01e01b660afc8f9b85"
  ],
  // Knative Serving knative-v1.22.1. knative/operator vendors the release files byte for byte
  // (cmd/fetcher copies each asset with io.Copy) in cmd/operator/kodata/knative-serving/1.22.1/
  // at b393b1e9b1c8e0e5424d6921e9927b7c36da38b4: 1-serving-crds.yaml and 2-serving-core.yaml
  // hash to the values below. serving-crds.yaml's hash is also stated, for this release URL, in
  // an independent CRD-vendoring config, which shows the operator's copies are the assets.
  [
    "https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-crds.yaml",
    "469f019b54407f6b4362da8500e6ba343c6d2e3f2cb27c2c1cfcaaab4f6d5883"
  ],
  [
    "https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-core.yaml",
    "aafb2bfd722ad184d0d0dacf1f55cedc388827ed81c94312f4df71e5eccb5ae1"
  ],
  // net-contour knative-v1.22.1: net-contour.yaml as vendored by the same knative/operator
  // commit (cmd/operator/kodata/ingress/1.22/contour/net-contour.yaml, labelled 1.22.1).
  // contour.yaml has no stated hash anywhere we could find: not pinned.
  [
    "https://github.com/knative-extensions/net-contour/releases/download/knative-v1.22.1/net-contour.yaml",
    "75cc3a9666ecd90c2dca647aa3b0feba1a566b0a944f3a9455f3d6e567e0404a"
  ]
]);
function pinnedSha256(officialUrl) {
  return PINNED_SHA256.get(officialUrl);
}

// src/install/releases.ts
function withPin(artifact) {
  const pinned = pinnedSha256(artifact.url);
  return pinned ? { ...artifact, pinnedSha256: pinned } : artifact;
}
function k3dArtifact(version, arch2) {
  const base = `https://github.com/k3d-io/k3d/releases/download/${version}`;
  const fileName = k3dAssetName(arch2);
  return withPin({
    cacheName: "k3d",
    version,
    arch: arch2,
    url: `${base}/${fileName}`,
    fileName,
    checksum: { kind: "list", url: `${base}/checksums.txt` },
    executable: true
  });
}
function kubectlArtifact(version, arch2) {
  const url = `https://dl.k8s.io/release/${version}/bin/linux/${arch2}/kubectl`;
  return withPin({
    cacheName: "kubectl",
    version,
    arch: arch2,
    url,
    fileName: "kubectl",
    checksum: { kind: "single", url: `${url}.sha256` },
    executable: true
  });
}
function releaseManifest(repo, version, fileName) {
  const owner = repo === "serving" ? "knative" : "knative-extensions";
  const base = `https://github.com/${owner}/${repo}/releases/download/knative-v${version.replace(/^v/, "")}`;
  return withPin({
    // One cache name per file: tool-cache replaces a whole version folder on insert.
    cacheName: `knative-${repo}-${fileName.replace(/\.yaml$/, "")}`,
    version: version.replace(/^v/, ""),
    arch: "noarch",
    url: `${base}/${fileName}`,
    fileName,
    checksum: { kind: "list", url: `${base}/checksums.txt` }
  });
}
function knativeManifestArtifacts(knativeVersion, netContourVersion) {
  return {
    servingCrds: releaseManifest("serving", knativeVersion, "serving-crds.yaml"),
    servingCore: releaseManifest("serving", knativeVersion, "serving-core.yaml"),
    contour: releaseManifest("net-contour", netContourVersion, "contour.yaml"),
    netContour: releaseManifest("net-contour", netContourVersion, "net-contour.yaml")
  };
}

// src/install/tools.ts
async function installK3d(version, options) {
  const arch2 = releaseArch(options.platform, options.arch);
  return (await downloadVerified(k3dArtifact(version, arch2), options)).path;
}
async function ensureKubectl(version, options) {
  const info2 = options.log ?? ((message) => log().info(message));
  const onPath = await findOnPath("kubectl", options.pathEnv ?? process.env["PATH"] ?? "");
  const pinned = parseKubeVersion(version);
  let reason;
  if (options.clusterVersion && pinned) {
    const runner = onPath ? {
      path: onPath,
      version: await (options.readClientVersion ?? readKubectlClientVersion)(onPath)
    } : void 0;
    const choice = chooseKubectl({
      ...runner ? { runner } : {},
      server: options.clusterVersion,
      pinned
    });
    info2(choice.reason);
    if (choice.warning) (options.warn ?? ((m) => log().warning(m)))(choice.warning);
    if (choice.use === "runner" && onPath)
      return { path: onPath, source: "runner", reason: choice.reason };
    reason = choice.reason;
  } else if (onPath) {
    return { path: onPath, source: "runner", reason: `Using the runner's kubectl (${onPath}).` };
  } else {
    reason = `No kubectl on PATH; using the pinned kubectl ${version}.`;
    info2(reason);
  }
  const arch2 = releaseArch(options.platform, options.arch);
  const { path: path9 } = await downloadVerified(kubectlArtifact(version, arch2), options);
  return { path: path9, source: "installed", reason };
}
async function findOnPath(command, pathEnv) {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join4(dir, command);
    try {
      await access(candidate, constants2.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
async function fetchReleaseManifests(versions, options) {
  const artifacts = knativeManifestArtifacts(versions.knativeVersion, versions.netContourVersion);
  const entries = await Promise.all(
    Object.keys(artifacts).map(async (key) => {
      const { path: path9 } = await downloadVerified(artifacts[key], options);
      return [key, await readFile2(path9, "utf8")];
    })
  );
  return Object.fromEntries(entries);
}

// src/action/existing-cluster.ts
function existingWorkDir(runner) {
  return join5(runner.workDir, "existing");
}
async function existingClusterKubectl(config, runner, out) {
  const found = await ensureKubectl(config.kubectlVersion, {
    deadline: Date.now() + config.timeoutMinutes * 6e4,
    ...config.releaseMirror ? { mirror: config.releaseMirror } : {},
    log: (m) => out.info(m),
    // The cluster's version is unknown until connected: any runner kubectl will do.
    workDir: runner.workDir
  });
  return found.path;
}
async function openExistingCluster(config, runner, kubectlPath, out) {
  const kubeconfig = await prepareKubeconfig({
    input: config.kubeconfig,
    dir: existingWorkDir(runner),
    kubectl: createToolRunner(kubectlPath, { kind: "kubectl", log: out }),
    registerSecret: (secret) => log().secret(secret)
  });
  out.info(`Using the context '${kubeconfig.context}' of the kubeconfig from ${kubeconfig.source}`);
  return new Kubectl(createToolRunner(kubectlPath, { kind: "kubectl", log: out }), kubeconfig.path);
}
async function connectExistingCluster(options) {
  const { config, runner, timings } = options;
  const out = log().branch("cluster");
  const kubectlPath = await timings.time(
    "install-kubectl",
    () => existingClusterKubectl(config, runner, out)
  );
  const kubectl = await timings.time("connect", async () => {
    const connected = await openExistingCluster(config, runner, kubectlPath, out);
    const verdict = judgeServing(await readServingFacts(connected));
    if (!verdict.ok) throw new UserError(verdict.problem);
    for (const note of verdict.notes) out.info(note);
    await checkServedScope(connected, options.plan, options.namespace);
    return connected;
  });
  await timings.time("namespace", async () => {
    const { created } = await claimNamespace(
      kubectlNamespaceClient(kubectl),
      options.namespace,
      options.owner,
      options.annotations,
      { timeoutMs: config.timeoutMinutes * 6e4, log: (m) => out.info(m) }
    );
    out.info(
      `${created ? "Created" : "Updating"} the preview namespace ${options.namespace} (expires ${options.annotations.expiresAt})`
    );
  });
  return kubectl;
}
function existingTarget(options) {
  const { config, plan, namespace, runUrl } = options;
  const expiresAt = expiryAfter(/* @__PURE__ */ new Date(), config.ttl);
  return {
    existing: { namespace, expiresAt },
    provider: existingProvider({
      ...options,
      owner: { repository: `${plan.repository.owner}/${plan.repository.repo}`, pr: options.pr },
      annotations: { expiresAt, ...runUrl ? { runUrl } : {} }
    })
  };
}
function existingProvider(options) {
  const { config, runner, state, namespace } = options;
  const timings = new PhaseTimings();
  let kubectl;
  return {
    startMessage: (buildingImages) => buildingImages ? `Connecting to the existing cluster (namespace ${namespace}) and building images at the same time; their lines are prefixed [cluster] and [images].` : `Connecting to the existing cluster (namespace ${namespace}).`,
    async start() {
      state.saveExisting({ kubeconfigDir: existingWorkDir(runner) });
      kubectl = await log().branch("cluster").group(
        `Connect to the existing cluster, namespace ${namespace}`,
        () => connectExistingCluster({ ...options, timings })
      );
      state.saveExisting({ namespace, kubeconfigDir: existingWorkDir(runner) });
      const connected = kubectl;
      return {
        kubectl: connected,
        loadImages: async (tags) => {
          const registry = config.registry;
          if (!registry) throw new UserError("Input 'registry' is needed to push built images.");
          const images = new Map(tags.map((tag) => [tag, pushedTag(tag, registry)]));
          await pushImages(createToolRunner("docker", { kind: "docker" }), {
            images,
            log: (m) => log().info(m)
          });
        },
        loadImagesStep: { title: "Push images", phase: "image-push" },
        probeTargets: (plan) => probeTargets(connected, plan, config.ingressAddress),
        tidy: async (plan) => {
          const removed = await tidyNamespace(connected, namespace, plan);
          const parts = [
            removed.revisions.length ? `revisions ${removed.revisions.join(", ")}` : "",
            removed.services.length ? `services ${removed.services.join(", ")}` : ""
          ].filter(Boolean);
          return parts.length ? `Removed what earlier runs left: ${parts.join("; ")}` : void 0;
        },
        timings: { ...timings.seconds }
      };
    },
    failedStartTimings: () => ({ ...timings.seconds }),
    // A cancelled run leaves the namespace as it is: the next run updates it in place, and the
    // expiry bounds how long it stays if none comes.
    onCancel(signal) {
      log().warning(
        `Received ${signal}: leaving the preview namespace ${namespace} for the next run (it expires ${options.annotations.expiresAt}).`
      );
      return Promise.resolve();
    },
    async diagnose() {
      if (!kubectl) return void 0;
      const connected = kubectl;
      return log().group("Collect diagnostics", async () => {
        try {
          const saved = await saveDiagnostics(connected, existingWorkDir(runner), { namespace });
          state.saveDiagnosticsCollected();
          log().info(`Diagnostics of namespace ${namespace} written to ${saved.diagnosticsFile}`);
          return saved.diagnostics;
        } catch (error) {
          log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
          return void 0;
        }
      });
    }
  };
}
async function probeTargets(kubectl, plan, ingressAddress) {
  const targets = [];
  for (const service of plan.services) {
    const ksvc = await kubectl.tryGetJson(
      "services.serving.knative.dev",
      service.name,
      service.namespace
    );
    const served = servedUrls(ksvc, service);
    if (!served.ok) throw new Error(served.problem);
    const ingress = probeIngressUrl(served.links, ingressAddress);
    if (!ingress.ok) throw new UserError(ingress.problem);
    targets.push({
      service: servedService(service, served.links),
      ingressUrl: ingress.url,
      links: served.links
    });
  }
  return targets;
}

// src/action/k3d-cluster.ts
import { existsSync as existsSync4 } from "node:fs";
import { join as join8 } from "node:path";

// src/cluster/bring-up.ts
import { mkdir as mkdir4 } from "node:fs/promises";
import { join as join6 } from "node:path";
var BringUpError = class extends PhaseError {
  constructor(phase, cause, timings, cluster) {
    super(phase, cause);
    this.timings = timings;
    this.cluster = cluster;
    this.name = "BringUpError";
  }
  timings;
  cluster;
};
async function bringUp(options, deps) {
  const now = deps.now ?? Date.now;
  const timings = new PhaseTimings(now);
  const deadline = now() + options.timeoutMinutes * 6e4;
  const remainingMs2 = () => Math.max(0, deadline - now());
  const env = deps.env ?? process.env;
  const out = deps.log ?? log();
  const info2 = (message) => out.info(message);
  const runnerFor = deps.runnerFor ?? ((path9, kind) => createToolRunner(path9, { kind, log: out }));
  let handle;
  try {
    const clusterName = options.clusterName || clusterNameForRun(env);
    if (!isValidClusterName(clusterName)) {
      throw new PhaseError(
        "cluster-name",
        new Error(
          `'${clusterName}' is not a valid k3d cluster name (lowercase, digits, dashes, <= 32 characters)`
        )
      );
    }
    const clusterDir = join6(deps.workDir, clusterName);
    const kubeconfigPath = join6(clusterDir, "kubeconfig");
    const download = {
      deadline,
      workDir: deps.workDir,
      ...options.releaseMirror ? { mirror: options.releaseMirror } : {},
      log: info2,
      now
    };
    const clusterBranch = async () => {
      const k3dPath2 = await timings.time(
        "install-k3d",
        () => (deps.installK3d ?? installK3d)(options.k3dVersion, download)
      );
      const k3d2 = new K3d(runnerFor(k3dPath2, "k3d"));
      handle = { clusterName, kubeconfigPath, k3dPath: k3dPath2 };
      await deps.onClusterNamed?.(handle);
      info2(`Creating k3d cluster ${clusterName} (${options.k3sImage}, ${options.agents} agents)`);
      await timings.time(
        "cluster-create",
        () => k3d2.createCluster({
          name: clusterName,
          k3sImage: options.k3sImage,
          agents: options.agents,
          loadBalancerPort: options.loadBalancerPort,
          agentPort: options.agentPort,
          extraArgs: options.k3dArgs,
          timeoutSeconds: remainingMs2() / 1e3
        })
      );
      await timings.time("kubeconfig", async () => {
        await mkdir4(clusterDir, { recursive: true, mode: 448 });
        await k3d2.writeKubeconfig(clusterName, kubeconfigPath);
      });
      return { k3d: k3d2, k3dPath: k3dPath2 };
    };
    const [{ k3d, k3dPath }, manifests, kubectlPath] = await allOrAbort(new AbortController(), [
      clusterBranch(),
      timings.time(
        "release-manifests",
        () => (deps.fetchManifests ?? fetchReleaseManifests)(
          { knativeVersion: options.knativeVersion, netContourVersion: options.netContourVersion },
          download
        )
      ),
      timings.time(
        "install-kubectl",
        async () => (await (deps.ensureKubectl ?? ensureKubectl)(options.kubectlVersion, {
          ...download,
          // The runner's kubectl only within one minor version of the cluster's Kubernetes.
          clusterVersion: kubernetesVersionOfK3sImage(options.k3sImage)
        })).path
      )
    ]);
    handle = { clusterName, kubeconfigPath, k3dPath, kubectlPath };
    await deps.onClusterNamed?.(handle);
    const clock = { ...deps.sleep ? { sleep: deps.sleep } : {}, now };
    const kubectl = new Kubectl(runnerFor(kubectlPath, "kubectl"), kubeconfigPath, clock);
    await timings.time(
      "nodes-ready",
      () => kubectl.waitFor("nodes", "Ready", {
        all: true,
        minCount: options.agents + 1,
        timeoutMs: remainingMs2(),
        ...deps.intervalMs ? { intervalMs: deps.intervalMs } : {}
      })
    );
    info2(
      `Installing Knative Serving ${options.knativeVersion} and net-contour ${options.netContourVersion}`
    );
    await installKnative(kubectl, manifests, {
      domain: options.domain,
      deadline,
      timings,
      log: info2,
      now,
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ...deps.intervalMs ? { intervalMs: deps.intervalMs } : {}
    });
    return {
      clusterName,
      kubeconfigPath,
      k3dPath,
      kubectlPath,
      kubectl,
      k3d,
      timings: { ...timings.seconds }
    };
  } catch (error) {
    const phase = error instanceof PhaseError ? error.phase : "bring-up";
    const cause = error instanceof PhaseError ? error.cause : error;
    throw new BringUpError(phase, cause, { ...timings.seconds }, handle);
  }
}

// src/images/import.ts
import { randomUUID as randomUUID2 } from "node:crypto";
import { mkdir as mkdir5, rm as rm5 } from "node:fs/promises";
import { join as join7 } from "node:path";

// src/images/image-store.ts
function imageStoreFromDriverStatus(driverStatusJson) {
  let status;
  try {
    status = JSON.parse(driverStatusJson);
  } catch {
    return "classic";
  }
  const pairs = Array.isArray(status) ? status : [];
  const containerd = pairs.some(
    (pair) => Array.isArray(pair) && pair[0] === "driver-type" && pair[1] === "io.containerd.snapshotter.v1"
  );
  return containerd ? "containerd" : "classic";
}
async function readDockerImageStore(docker) {
  const { stdout } = await docker.runOk(["info", "--format", "{{json .DriverStatus}}"]);
  return imageStoreFromDriverStatus(stdout.trim());
}

// src/images/import.ts
var CLASSIC_STORE_SETTING = '"features": {"containerd-snapshotter": false}';
async function importImages(tools, options) {
  if (options.tags.length === 0) return;
  const store = await readDockerImageStore(tools.docker);
  if (store === "classic") {
    await tools.k3d.importImages(options.tags, options.clusterName);
    return;
  }
  const platform = options.platform ?? `linux/${releaseArch()}`;
  log().info(
    `Docker uses the containerd image store: saving the images for ${platform} to an archive for k3d (k3d-io/k3d#1538).`
  );
  await mkdir5(options.workDir, { recursive: true });
  const archive = join7(options.workDir, `images-${randomUUID2()}.tar`);
  try {
    try {
      await tools.docker.runOk([
        "image",
        "save",
        "--platform",
        platform,
        "--output",
        archive,
        ...options.tags
      ]);
    } catch (error) {
      throw containerdStoreError(error);
    }
    await tools.k3d.importArchive(archive, options.clusterName);
  } finally {
    await rm5(archive, { force: true });
  }
}
function containerdStoreError(cause) {
  const detail = cause instanceof ToolError ? cause.message : errorMessage(cause);
  return new Error(
    `Docker on this runner uses the containerd image store (docker info: driver-type io.containerd.snapshotter.v1), which \`k3d image import\` cannot load from (k3d-io/k3d#1538), and saving the images for one platform failed too: ${detail}. Switch Docker to its classic image store: set ${CLASSIC_STORE_SETTING} in /etc/docker/daemon.json and restart Docker (or use Docker 28 or newer, whose \`docker image save --platform\` this action needs).`,
    { cause }
  );
}

// src/action/k3d-cluster.ts
function k3dProvider(config, runner, state, onKeptCluster = () => void 0) {
  let handle;
  return {
    startMessage: (buildingImages) => buildingImages ? "Bringing up the cluster and building images at the same time; their lines are prefixed [cluster] and [images]." : "Bringing up the cluster.",
    async start() {
      const branch = log().branch("cluster");
      const started = await branch.group(
        "Bring up k3d, Knative Serving and Contour",
        () => bringUp(config, {
          workDir: runner.workDir,
          log: branch,
          // Announced before `k3d cluster create`, so the post step deletes even a half-made cluster.
          onClusterNamed: (next) => {
            handle = next;
            state.saveCluster({ ...next, keepCluster: config.keepCluster });
          }
        })
      );
      if (config.keepCluster) onKeptCluster(started.kubeconfigPath);
      const ingressUrl = `http://127.0.0.1:${config.loadBalancerPort}`;
      return {
        kubectl: started.kubectl,
        loadImages: (tags) => importImages(
          { docker: createToolRunner("docker", { kind: "docker" }), k3d: started.k3d },
          { tags, clusterName: started.clusterName, workDir: runner.workDir }
        ),
        loadImagesStep: { title: "Import images", phase: "image-import" },
        probeTargets: (plan) => Promise.resolve(plan.services.map((service) => ({ service, ingressUrl }))),
        timings: started.timings
      };
    },
    failedStartTimings: (error) => error instanceof BringUpError ? error.timings : {},
    // A cancelled step still gets its cluster deleted (the post step would too; cleanup is idempotent).
    async onCancel(signal) {
      log().warning(`Received ${signal}: deleting the preview cluster before exiting.`);
      if (!handle) return;
      const result = await cleanup(
        { ...handle, failed: true, keepCluster: config.keepCluster },
        { workDir: runner.workDir }
      );
      if (result.deleted) log().info(`Deleted k3d cluster ${handle.clusterName}.`);
      for (const warning of result.warnings) log().warning(`Cleanup: ${warning}`);
    },
    /**
     * Diagnostics of a failed run, collected by the main step itself: later steps of the user's
     * job (an upload of artifacts, say) run before the post step, and should find them already.
     */
    async diagnose() {
      if (!handle?.kubectlPath || !existsSync4(handle.kubeconfigPath)) return void 0;
      const { kubectlPath, kubeconfigPath, clusterName } = handle;
      return log().group("Collect diagnostics", async () => {
        try {
          const kubectl = new Kubectl(
            createToolRunner(kubectlPath, { kind: "kubectl" }),
            kubeconfigPath
          );
          const saved = await saveDiagnostics(kubectl, join8(runner.workDir, clusterName));
          state.saveDiagnosticsCollected();
          log().info(`Diagnostics written to ${saved.diagnosticsFile}`);
          return saved.diagnostics;
        } catch (error) {
          log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
          return void 0;
        }
      });
    }
  };
}

// src/action/write-plan-files.ts
import { mkdir as mkdir6, writeFile as writeFile2 } from "node:fs/promises";
import path8 from "node:path";

// src/manifests/redact.ts
var import_yaml6 = __toESM(require_dist(), 1);
var REDACTED = "<redacted>";
var VALUE_FIELDS = ["data", "stringData"];
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function isSecret(object) {
  return isRecord(object) && typeof object.kind === "string" && object.kind.toLowerCase() === "secret";
}
function redactSecrets(object) {
  if (!isRecord(object)) return object;
  if (typeof object.kind === "string" && object.kind.endsWith("List") && Array.isArray(object.items)) {
    return { ...object, items: object.items.map((item) => redactSecrets(item)) };
  }
  if (!isSecret(object)) return object;
  const copy = { ...object };
  for (const field of VALUE_FIELDS) {
    if (field in copy) copy[field] = redactValues(copy[field]);
  }
  const metadata = copy.metadata;
  if (isRecord(metadata) && isRecord(metadata.annotations) && LAST_APPLIED in metadata.annotations)
    copy.metadata = {
      ...metadata,
      annotations: { ...metadata.annotations, [LAST_APPLIED]: REDACTED }
    };
  return copy;
}
function redactValues(value) {
  if (!isRecord(value)) return REDACTED;
  return Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]));
}
function displayYaml(object) {
  return (0, import_yaml6.stringify)(redactSecrets(object));
}
function redactPlan(plan) {
  return {
    ...plan,
    services: plan.services.map((service) => ({
      ...service,
      manifests: {
        ...service.manifests.base ? { base: redactSecrets(service.manifests.base) } : {},
        pr: redactSecrets(service.manifests.pr)
      }
    })),
    otherObjects: plan.otherObjects.map((object) => redactSecrets(object))
  };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/action/write-plan-files.ts
function renderedManifestFiles(plan) {
  const files = [];
  for (const service of plan.services) {
    const prefix = `${service.namespace}-${service.name}`;
    if (service.manifests.base)
      files.push({ name: `${prefix}.1-base.yaml`, text: displayYaml(service.manifests.base) });
    files.push({ name: `${prefix}.2-pr.yaml`, text: displayYaml(service.manifests.pr) });
  }
  if (plan.otherObjects.length) {
    files.push({
      name: "zz-other-objects.yaml",
      text: plan.otherObjects.map((object) => displayYaml(object)).join("---\n")
    });
  }
  return files;
}
async function writePlanFiles(plan, dir) {
  await mkdir6(dir, { recursive: true });
  for (const file of renderedManifestFiles(plan))
    await writeFile2(path8.join(dir, file.name), file.text);
  await writeFile2(path8.join(dir, "plan.json"), `${JSON.stringify(redactPlan(plan), null, 2)}
`);
  return dir;
}

export {
  parseBuildLines,
  rfc3339,
  parseExpiry,
  envInputReader,
  parseInputs,
  TRANSIENT_NETWORK_CODES,
  NOT_SENT_NETWORK_CODES,
  parseRetryAfter,
  networkCode,
  isTimeout,
  isCompared,
  MAX_CHART_SERVICES,
  FULL_DETAIL,
  headline,
  runLogUrl,
  commitsLine,
  splitSentence,
  percent,
  milliseconds,
  verdictLine,
  lifetimeLine,
  serviceSection,
  timingsTable,
  reproduceCommands,
  curlCommands,
  changeSincePrevious,
  planTable,
  failureBlock,
  autoscalerNote,
  regressionsBlock,
  runChart,
  comparisonText,
  runFailureMessage,
  displayYaml,
  makePlan,
  runPreview,
  clusterAccessError,
  kubeconfigSecrets,
  kubectlNamespaceClient,
  EXPIRES_ANNOTATION,
  repositorySelector,
  previewPullRequest,
  deleteNamespace,
  existingWorkDir,
  existingClusterKubectl,
  openExistingCluster,
  existingTarget,
  k3dProvider,
  writePlanFiles
};
