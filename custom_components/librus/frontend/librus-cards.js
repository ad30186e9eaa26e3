/**
* @license
* Copyright 2019 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var e=globalThis,t=e.ShadowRoot&&(e.ShadyCSS===void 0||e.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,n=Symbol(),r=/* @__PURE__ */ new WeakMap,i=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==n)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,n=this.t;if(t&&e===void 0){let t=n!==void 0&&n.length===1;t&&(e=r.get(n)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),t&&r.set(n,e))}return e}toString(){return this.cssText}},a=e=>new i(typeof e==`string`?e:e+``,void 0,n),o=(e,...t)=>new i(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,n),s=(n,r)=>{if(t)n.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let t of r){let r=document.createElement(`style`),i=e.litNonce;i!==void 0&&r.setAttribute(`nonce`,i),r.textContent=t.cssText,n.appendChild(r)}},c=t?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return a(t)})(e):e,{is:l,defineProperty:u,getOwnPropertyDescriptor:d,getOwnPropertyNames:ee,getOwnPropertySymbols:te,getPrototypeOf:ne}=Object,f=globalThis,re=f.trustedTypes,ie=re?re.emptyScript:``,ae=f.reactiveElementPolyfillSupport,p=(e,t)=>e,oe={toAttribute(e,t){
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
switch(t){case Boolean:e=e?ie:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},se=(e,t)=>!l(e,t),ce={attribute:!0,type:String,converter:oe,reflect:!1,useDefault:!1,hasChanged:se};Symbol.metadata??=Symbol(`metadata`),f.litPropertyMetadata??=/* @__PURE__ */ new WeakMap;var m=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ce){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&u(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ce}static _$Ei(){if(this.hasOwnProperty(p(`elementProperties`)))return;let e=ne(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(p(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(p(`properties`))){let e=this.properties,t=[...ee(e),...te(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=/* @__PURE__ */ new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(c(e))}else e!==void 0&&t.push(c(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=/* @__PURE__ */ new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=/* @__PURE__ */ new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=/* @__PURE__ */ new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return s(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?oe:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?oe:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??se)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=/* @__PURE__ */ new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=/* @__PURE__ */ new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=/* @__PURE__ */ new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};m.elementStyles=[],m.shadowRootOptions={mode:`open`},m[p(`elementProperties`)]=/* @__PURE__ */ new Map,m[p(`finalized`)]=/* @__PURE__ */ new Map,ae?.({ReactiveElement:m}),(f.reactiveElementVersions??=[]).push(`2.1.2`);
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var le=globalThis,ue=e=>e,h=le.trustedTypes,de=h?h.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,fe=`$lit$`,g=`lit$${Math.random().toFixed(9).slice(2)}$`,pe=`?`+g,me=`<${pe}>`,_=document,v=()=>_.createComment(``),y=e=>e===null||typeof e!=`object`&&typeof e!=`function`,he=Array.isArray,ge=e=>he(e)||typeof e?.[Symbol.iterator]==`function`,_e=`[ 	
\f\r]`,b=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ve=/-->/g,ye=/>/g,x=RegExp(`>|${_e}(?:([^\\s"'>=/]+)(${_e}*=${_e}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),be=/'/g,xe=/"/g,Se=/^(?:script|style|textarea|title)$/i,Ce=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),S=Ce(1),we=Ce(2),C=Symbol.for(`lit-noChange`),w=Symbol.for(`lit-nothing`),Te=/* @__PURE__ */ new WeakMap,T=_.createTreeWalker(_,129);function Ee(e,t){if(!he(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return de===void 0?t:de.createHTML(t)}var De=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=b;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===b?c[1]===`!--`?o=ve:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=x):(Se.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=x):o=ye:o===x?c[0]===`>`?(o=i??b,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?x:c[3]===`"`?xe:be):o===xe||o===be?o=x:o===ve||o===ye?o=b:(o=x,i=void 0);let d=o===x&&e[t+1].startsWith(`/>`)?` `:``;a+=o===b?n+me:l>=0?(r.push(s),n.slice(0,l)+fe+n.slice(l)+g+d):n+g+(l===-2?t:d)}return[Ee(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},E=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=De(t,n);if(this.el=e.createElement(l,r),T.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=T.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(fe)){let t=u[o++],n=i.getAttribute(e).split(g),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Ae:r[1]===`?`?je:r[1]===`@`?Me:O}),i.removeAttribute(e)}else e.startsWith(g)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(Se.test(i.tagName)){let e=i.textContent.split(g),t=e.length-1;if(t>0){i.textContent=h?h.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],v()),T.nextNode(),c.push({type:2,index:++a});i.append(e[t],v())}}}else if(i.nodeType===8){if(i.data===pe)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(g,e+1))!==-1;)c.push({type:7,index:a}),e+=g.length-1}}a++}}static createElement(e,t){let n=_.createElement(`template`);return n.innerHTML=e,n}};function D(e,t,n=e,r){if(t===C)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=y(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=D(e,i._$AS(e,t.values),i,r)),t}var Oe=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??_).importNode(t,!0);T.currentNode=r;let i=T.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new ke(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Ne(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=T.nextNode(),a++)}return T.currentNode=_,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},ke=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=w,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=D(this,e,t),y(e)?e===w||e==null||e===``?(this._$AH!==w&&this._$AR(),this._$AH=w):e!==this._$AH&&e!==C&&this._(e):e._$litType$===void 0?e.nodeType===void 0?ge(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==w&&y(this._$AH)?this._$AA.nextSibling.data=e:this.T(_.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=E.createElement(Ee(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Oe(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=Te.get(e.strings);return t===void 0&&Te.set(e.strings,t=new E(e)),t}k(t){he(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(v()),this.O(v()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=ue(e).nextSibling;ue(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},O=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=w,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(/* @__PURE__ */ new String),this.strings=n):this._$AH=w}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=D(this,e,t,0),a=!y(e)||e!==this._$AH&&e!==C,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=D(this,r[n+o],t,o),s===C&&(s=this._$AH[o]),a||=!y(s)||s!==this._$AH[o],s===w?e=w:e!==w&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===w?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Ae=class extends O{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===w?void 0:e}},je=class extends O{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==w)}},Me=class extends O{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=D(this,e,t,0)??w)===C)return;let n=this._$AH,r=e===w&&n!==w||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==w&&(n===w||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Ne=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){D(this,e)}},Pe=le.litHtmlPolyfillSupport;Pe?.(E,ke),(le.litHtmlVersions??=[]).push(`3.3.3`);var Fe=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new ke(t.insertBefore(v(),e),e,void 0,n??{})}return i._$AI(e),i},Ie=globalThis,k=class extends m{constructor(){
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Fe(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return C}};k._$litElement$=!0,k.finalized=!0,Ie.litElementHydrateSupport?.({LitElement:k});var Le=Ie.litElementPolyfillSupport;Le?.({LitElement:k}),(Ie.litElementVersions??=[]).push(`4.2.2`);var Re=[250,500,1e3,2e3,4e3,8e3,15e3,3e4,3e4,3e4,3e4];function ze(e){return e.ended===!0}var Be=/* @__PURE__ */ new WeakMap,Ve=/* @__PURE__ */ new WeakMap;function He(e){return e&&typeof e==`object`&&`message`in e&&typeof e.message==`string`?e.message:String(e)}function Ue(e){if(e&&typeof e==`object`&&`code`in e)return String(e.code)}function We(e,t=!1){let n=Ve.get(e.connection);return(!n||t)&&(n=e.callWS({type:`librus/students`}),Ve.set(e.connection,n),n.catch(()=>Ve.delete(e.connection))),n}function A(e,t){e.state=t;for(let n of[...e.listeners])n(t)}function Ge(e,t){let n={listeners:/* @__PURE__ */ new Set,state:{status:`loading`},unsubscribe:Promise.resolve(void 0),closed:!1};return Ke(e,t,n,void 0),n}function Ke(e,t,n,r){let i=e=>Ue(e)===`not_found`?{status:`unknown_student`,entryId:t}:{status:`error`,message:He(e)};n.unsubscribe=e.connection.subscribeMessage(r=>{ze(r)?qe(e,t,n,0):A(n,{status:`ready`,data:r})},{type:`librus/subscribe`,entry_id:t}).catch(async a=>{if(r!==void 0&&Ue(a)===`not_found`&&r+1<Re.length)qe(e,t,n,r+1);else{if(Ue(a)!==`not_found`)try{A(n,{status:`ready`,data:await e.callWS({type:`librus/card_data`,entry_id:t})});return}catch(e){A(n,i(e));return}A(n,i(a))}})}function qe(e,t,n,r){let i=n.unsubscribe;n.unsubscribe=Promise.resolve(void 0),r===0&&i.then(e=>e?.()).catch(()=>void 0),n.closed||(clearTimeout(n.retry),n.retry=setTimeout(()=>{n.retry=void 0,n.closed||Ke(e,t,n,r)},Re[r]))}function Je(e,t,n){let r=Be.get(e.connection);r||(r=/* @__PURE__ */ new Map,Be.set(e.connection,r));let i=r.get(t);i||(i=Ge(e,t),r.set(t,i)),i.listeners.add(n),n(i.state);let a=r,o=i;return()=>{o.listeners.delete(n),o.listeners.size===0&&a.get(t)===o&&(a.delete(t),o.closed=!0,clearTimeout(o.retry),o.unsubscribe.then(e=>e?.()).catch(()=>void 0))}}var Ye=class{host;state={status:`loading`};hass;entryId;connected=!1;key;connection;stop;generation=0;constructor(e){this.host=e,e.addController(this)}setHass(e){this.hass=e,this.sync()}setEntryId(e){this.entryId=e,this.sync()}hostConnected(){this.connected=!0,this.sync()}hostDisconnected(){this.connected=!1,this.release()}release(){this.generation++,this.stop?.(),this.stop=void 0,this.key=void 0,this.connection=void 0}set(e){this.state=e,this.host.requestUpdate()}sync(){let e=this.hass;if(!this.connected||!e)return;let t=this.entryId??``;if(this.key===t&&this.connection===e.connection)return;this.release(),this.key=t,this.connection=e.connection;let n=this.generation,r=t=>{this.stop=Je(e,t,e=>this.set(e))};this.entryId?r(this.entryId):(this.state.status!==`ready`&&this.set({status:`loading`}),We(e).then(e=>{if(n!==this.generation)return;let t=e[0];t?r(t.entry_id):this.set({status:`no_students`})},e=>{n===this.generation&&this.set({status:`error`,message:He(e)})}))}},j=`Europe/Warsaw`,M=864e5,Xe=/(Z|[+-]\d\d:?\d\d)$/i;function N(e){let[t,n,r]=e.slice(0,10).split(`-`).map(Number);return Math.round(Date.UTC(t??1970,(n??1)-1,r??1)/M)}function Ze(e){return(/* @__PURE__ */ new Date(e*M)).toISOString().slice(0,10)}function Qe(e,t){return Ze(N(e)+t)}function P(e,t){return N(t)-N(e)}function $e(e){return((/* @__PURE__ */ new Date(N(e)*M)).getUTCDay()+6)%7}function et(e){return Qe(e,-$e(e))}function tt(e){let[t,n]=e.split(`:`).map(Number);return(t??0)*60+(n??0)}var nt=new Intl.DateTimeFormat(`en-CA`,{timeZone:j,year:`numeric`,month:`2-digit`,day:`2-digit`,hour:`2-digit`,minute:`2-digit`,hourCycle:`h23`});function rt(e=Date.now()){let t={};for(let n of nt.formatToParts(e))t[n.type]=n.value;return{date:`${t.year}-${t.month}-${t.day}`,minutes:Number(t.hour)*60+Number(t.minute)}}function F(e){return e?.toLowerCase().startsWith(`pl`)?`pl`:`en`}function it(e){if(F(e)===`pl`)return`pl-PL`;try{return e&&Intl.DateTimeFormat.supportedLocalesOf([e]).length?e:`en-GB`}catch{return`en-GB`}}var at=/* @__PURE__ */ new Map;function ot(e,t){let n=e+JSON.stringify(t),r=at.get(n);return r||(r=new Intl.DateTimeFormat(e,t),at.set(n,r)),r}var st={day:`2-digit`,month:`2-digit`,year:`numeric`,hour:`2-digit`,minute:`2-digit`,hourCycle:`h23`};function I(e,t){return ot(e,{...t,timeZone:`UTC`})}function L(e){return/* @__PURE__ */ new Date(N(e)*M)}function ct(e,t){return I(t,{weekday:`long`,day:`numeric`,month:`long`}).format(L(e))}function lt(e,t){return I(t,{weekday:`short`,day:`numeric`,month:`short`}).format(L(e))}function ut(e,t){return I(t,{day:`2-digit`,month:`2-digit`,year:`numeric`}).format(L(e))}function dt(e,t){return I(t,{weekday:`short`}).format(L(e))}function ft(e,t){return I(t,{day:`2-digit`,month:`2-digit`}).format(L(e))}function pt(e,t,n){let r=I(n,{day:`numeric`,month:`short`,year:`numeric`});try{return r.formatRange(L(e),L(t))}catch{return`${r.format(L(e))} – ${r.format(L(t))}`}}function mt(e,t){let n=e.trim();if(/^\d{4}-\d\d-\d\d$/.test(n))return ut(n,t);let r=NaN,i=j;if(Xe.test(n))r=Date.parse(n);else{let e=/^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)/.exec(n);e&&(r=Date.UTC(Number(e[1]),Number(e[2])-1,Number(e[3]),Number(e[4]),Number(e[5])),i=`UTC`)}return Number.isNaN(r)?e:ot(t,{...st,timeZone:i}).format(r)}function ht(e,t){return e==null||!Number.isFinite(e)?`–`:new Intl.NumberFormat(t===`pl`?`pl-PL`:`en-GB`,{minimumFractionDigits:2,maximumFractionDigits:2}).format(e)}var gt=/* @__PURE__ */ new Map;function _t(e,t,n){let r=gt.get(n);r||(r=new Intl.PluralRules(n),gt.set(n,r));let i=r.select(e);return i===`one`?t.one:i===`few`?t.few??t.other:i===`many`?t.many??t.other:t.other}function vt(e,t,n){return`${e} ${_t(e,t,n)}`}var yt={en:{card_today:`Librus — Today`,card_timetable:`Librus — Timetable`,card_grades:`Librus — Grades`,desc_today:`Today's lessons, substitutions, lucky number, the next test, homework and new grades.`,desc_timetable:`The school week as a grid with substitutions and cancellations.`,desc_grades:`Grades per subject with weighted averages and a semester switch.`,card_messages:`Librus — Messages`,desc_messages:`The latest messages from school: sender, topic, date and the start of the text; unread ones in bold.`,messages:`Messages`,open_inbox:`Open Librus messages (new tab)`,messages_unavailable:`Messages are not available for this Librus account (or have not been loaded yet).`,no_messages:`No messages from school yet.`,no_unread_messages:`No unread messages — all caught up!`,unread_message:`Unread`,has_attachments:`Has attachments`,no_topic:`(no topic)`,timetable:`Timetable`,grades:`Grades`,loading:`Loading…`,no_students:`No Librus account is set up. Add the Librus Synergia integration first.`,unknown_student:`This Librus student is not set up any more. Choose another one in the card editor.`,error:`Cannot load data from Librus`,updated:`Updated`,today:`Today`,tomorrow:`Tomorrow`,next_school_day:`Next school day`,no_lessons:`No lessons`,no_lessons_ahead:`No lessons in the coming days`,free_day:`Day off`,lesson_no:`Lesson`,room:`Room`,teacher:`Teacher`,group:`Group`,substitution:`Substitution`,cancelled:`Cancelled`,moved:`Moved`,instead_of:`instead of`,now:`now`,lucky_number:`Lucky number`,lucky_is_mine:`That's your number — no questions today!`,lucky_for_day:`for`,next_test:`Next test`,no_tests:`No tests coming up`,events:`Events`,homework_due:`Homework due`,no_homework:`No homework due`,due:`due`,new_grades:`New grades`,in_days_0:`today`,in_days_1:`tomorrow`,in_days_n:`in {n} days`,prev_week:`Previous week`,next_week:`Next week`,this_week:`This week`,week_not_loaded:`This week is not loaded yet`,semester:`Semester`,semester_n:`Semester {n}`,average:`Average`,overall_average:`Overall average`,semester_grade:`Semester grade`,proposed_grade:`Proposed`,no_grades:`No grades yet`,no_grades_semester:`No grades in semester {n} yet`,category:`Category`,date:`Date`,added:`Added`,weight:`Weight`,comment:`Comment`,not_counted:`Not counted in the average`,new:`new`,close:`Close`,kind_test:`Test`,kind_quiz:`Quiz`,kind_trip:`Trip`,kind_meeting:`Meeting`,kind_other:`Event`,ed_student:`Student`,ed_student_auto:`First student`,ed_show_lucky_number:`Show the lucky number`,ed_show_agenda:`Show the next test`,ed_show_homework:`Show homework due`,ed_show_new_grades:`Show new grades`,ed_after_school_shows_tomorrow:`After school, show tomorrow's plan`,ed_compact:`Compact (short subject names)`,ed_show_teacher:`Show teachers`,ed_semester:`Semester`,ed_semester_current:`Current semester`,ed_show_averages:`Show averages`,ed_max_messages:`Messages to show`,ed_unread_only:`Only unread messages`,ed_show_preview:`Show the start of the text`},pl:{card_today:`Librus — Dziś`,card_timetable:`Librus — Plan lekcji`,card_grades:`Librus — Oceny`,desc_today:`Dzisiejsze lekcje, zastępstwa, szczęśliwy numerek, najbliższy sprawdzian, zadania i nowe oceny.`,desc_timetable:`Tydzień szkolny w siatce z zastępstwami i odwołanymi lekcjami.`,desc_grades:`Oceny z przedmiotów ze średnimi ważonymi i przełącznikiem semestrów.`,card_messages:`Librus — Wiadomości`,desc_messages:`Najnowsze wiadomości ze szkoły: nadawca, temat, data i początek treści; nieprzeczytane pogrubione.`,messages:`Wiadomości`,open_inbox:`Otwórz wiadomości w Librusie (nowa karta)`,messages_unavailable:`Wiadomości nie są dostępne dla tego konta Librus (albo jeszcze się nie wczytały).`,no_messages:`Brak wiadomości ze szkoły.`,no_unread_messages:`Brak nieprzeczytanych wiadomości — wszystko przeczytane!`,unread_message:`Nieprzeczytana`,has_attachments:`Ma załączniki`,no_topic:`(bez tematu)`,timetable:`Plan lekcji`,grades:`Oceny`,loading:`Wczytywanie…`,no_students:`Nie skonfigurowano konta Librus. Najpierw dodaj integrację Librus Synergia.`,unknown_student:`Tego ucznia nie ma już w konfiguracji Librusa. Wybierz innego w edytorze karty.`,error:`Nie udało się wczytać danych z Librusa`,updated:`Zaktualizowano`,today:`Dziś`,tomorrow:`Jutro`,next_school_day:`Najbliższy dzień nauki`,no_lessons:`Brak lekcji`,no_lessons_ahead:`Brak lekcji w najbliższych dniach`,free_day:`Dzień wolny`,lesson_no:`Lekcja`,room:`Sala`,teacher:`Nauczyciel`,group:`Grupa`,substitution:`Zastępstwo`,cancelled:`Odwołana`,moved:`Przeniesiona`,instead_of:`zamiast`,now:`teraz`,lucky_number:`Szczęśliwy numerek`,lucky_is_mine:`To Twój numerek — dziś bez pytania!`,lucky_for_day:`na`,next_test:`Najbliższy sprawdzian`,no_tests:`Brak zapowiedzianych sprawdzianów`,events:`Wydarzenia`,homework_due:`Zadania domowe`,no_homework:`Brak zadań do oddania`,due:`termin`,new_grades:`Nowe oceny`,in_days_0:`dziś`,in_days_1:`jutro`,in_days_n:`za {n} dni`,prev_week:`Poprzedni tydzień`,next_week:`Następny tydzień`,this_week:`Ten tydzień`,week_not_loaded:`Ten tydzień nie jest jeszcze wczytany`,semester:`Semestr`,semester_n:`Semestr {n}`,average:`Średnia`,overall_average:`Średnia ogólna`,semester_grade:`Ocena semestralna`,proposed_grade:`Przewidywana`,no_grades:`Brak ocen`,no_grades_semester:`Brak ocen w semestrze {n}`,category:`Kategoria`,date:`Data`,added:`Dodano`,weight:`Waga`,comment:`Komentarz`,not_counted:`Nie liczy się do średniej`,new:`nowa`,close:`Zamknij`,kind_test:`Sprawdzian`,kind_quiz:`Kartkówka`,kind_trip:`Wycieczka`,kind_meeting:`Zebranie`,kind_other:`Wydarzenie`,ed_student:`Uczeń`,ed_student_auto:`Pierwszy uczeń`,ed_show_lucky_number:`Pokazuj szczęśliwy numerek`,ed_show_agenda:`Pokazuj najbliższy sprawdzian`,ed_show_homework:`Pokazuj zadania domowe`,ed_show_new_grades:`Pokazuj nowe oceny`,ed_after_school_shows_tomorrow:`Po lekcjach pokazuj plan na jutro`,ed_compact:`Kompaktowy (skrócone nazwy przedmiotów)`,ed_show_teacher:`Pokazuj nauczycieli`,ed_semester:`Semestr`,ed_semester_current:`Bieżący semestr`,ed_show_averages:`Pokazuj średnie`,ed_max_messages:`Liczba wiadomości`,ed_unread_only:`Tylko nieprzeczytane`,ed_show_preview:`Pokazuj początek treści`}};function R(e,t,n){let r=yt[e][t];if(n)for(let[e,t]of Object.entries(n))r=r.replace(`{${e}}`,String(t));return r}var bt={grade:{en:{one:`grade`,other:`grades`},pl:{one:`ocena`,few:`oceny`,many:`ocen`,other:`oceny`}},new_grade:{en:{one:`new grade`,other:`new grades`},pl:{one:`nowa ocena`,few:`nowe oceny`,many:`nowych ocen`,other:`nowej oceny`}},lesson:{en:{one:`lesson`,other:`lessons`},pl:{one:`lekcja`,few:`lekcje`,many:`lekcji`,other:`lekcji`}},day:{en:{one:`day`,other:`days`},pl:{one:`dzień`,few:`dni`,many:`dni`,other:`dnia`}},assignment:{en:{one:`assignment`,other:`assignments`},pl:{one:`zadanie`,few:`zadania`,many:`zadań`,other:`zadania`}},unread:{en:{one:`unread`,other:`unread`},pl:{one:`nieprzeczytana`,few:`nieprzeczytane`,many:`nieprzeczytanych`,other:`nieprzeczytanej`}}};function z(e,t,n){return vt(n,bt[t][e],e)}function xt(e,t){return/^\d/.test(t.trim())?`${R(e,`room`)} ${t}`:t}function St(e,t){return t===0?R(e,`in_days_0`):t===1?R(e,`in_days_1`):R(e,`in_days_n`,{n:t})}var B=class extends k{static properties={_config:{state:!0}};uiLang=`en`;uiLocale=`en-GB`;feed=new Ye(this);_hass;_timer;ticks=!1;set hass(e){this._hass=e;let t=e.locale?.language??e.language,n=F(t),r=it(t);(n!==this.uiLang||r!==this.uiLocale)&&(this.uiLang=n,this.uiLocale=r,this.requestUpdate()),this.feed.setHass(e)}get hass(){return this._hass}setConfig(e){let t=this.validateConfig(e);this._config=t,this.feed.setEntryId(t.entry_id)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this.ticks&&(this._timer=setInterval(()=>this.requestUpdate(),6e4))}disconnectedCallback(){super.disconnectedCallback(),this._timer!==void 0&&clearInterval(this._timer),this._timer=void 0}get data(){let e=this.feed.state;return e.status===`ready`?e.data:void 0}clock(){return rt(Date.now())}t(e,t){return R(this.uiLang,e,t)}room(e){return xt(this.uiLang,e)}renderStatus(){let e=this.feed.state;switch(e.status){case`ready`:return;case`loading`:return S`<div class="message" role="status">${this.t(`loading`)}</div>`;case`no_students`:return S`<div class="message">${this.t(`no_students`)}</div>`;case`unknown_student`:return S`<div class="message error" role="alert">${this.t(`unknown_student`)}</div>`;case`error`:return S`<div class="message error" role="alert">${this.t(`error`)}: ${e.message}</div>`}}renderStatusCard(e,t){return S`<ha-card
      ><div class="root">
        <div class="header">${e}</div>
        ${t}
      </div></ha-card
    >`}renderStudent(e){if(!e)return w;let{name:t,class_name:n}=e.student;return S`<div class="student">${t}${n?S` · ${n}`:w}</div>`}renderUpdated(e){return e.updated_at?S`<div class="footer">${this.t(`updated`)}: ${mt(e.updated_at,this.uiLocale)}</div>`:w}icon(e){return S`<svg viewBox="0 0 24 24" aria-hidden="true">${we`<path d=${e}></path>`}</svg>`}},Ct=/* @__PURE__ */ new Set([`type`,`grid_options`,`layout_options`,`view_layout`,`visibility`,`card_mod`]),wt={element:`librus-today-card`,options:{entry_id:`entry_id`,show_lucky_number:`boolean`,show_agenda:`boolean`,show_homework:`boolean`,show_new_grades:`boolean`,after_school_shows_tomorrow:`boolean`}},Tt={element:`librus-timetable-card`,options:{entry_id:`entry_id`,compact:`boolean`,show_teacher:`boolean`}},Et={element:`librus-grades-card`,options:{entry_id:`entry_id`,semester:`semester`,show_averages:`boolean`}},Dt={element:`librus-messages-card`,options:{entry_id:`entry_id`,max_messages:`count`,unread_only:`boolean`,show_preview:`boolean`}},V={show_lucky_number:!0,show_agenda:!0,show_homework:!0,show_new_grades:!0,after_school_shows_tomorrow:!0},H={compact:!1,show_teacher:!1},U={semester:`current`,show_averages:!0},W={max_messages:5,unread_only:!1,show_preview:!0};function G(e){return e===null?`null`:Array.isArray(e)?`a list`:typeof e==`string`?JSON.stringify(e):typeof e==`object`?`an object`:String(e)}function K(e,t){let n=`Librus (${e.element})`;if(typeof t!=`object`||!t||Array.isArray(t))throw Error(`${n}: the configuration must be an object, got ${G(t)}.`);let r=t;if(typeof r.type!=`string`)throw Error(`${n}: "type" must be "custom:${e.element}".`);for(let[t,i]of Object.entries(r)){if(Ct.has(t))continue;let r=e.options[t];if(!r){let r=Object.keys(e.options).join(`, `);throw Error(`${n}: unknown option "${t}". Allowed options: ${r}.`)}if(i!==void 0){if(r===`boolean`&&typeof i!=`boolean`)throw Error(`${n}: "${t}" must be true or false, got ${G(i)}.`);if(r===`entry_id`&&(typeof i!=`string`||i.trim()===``))throw Error(`${n}: "entry_id" must be the config entry id of a Librus student (a non-empty text), got ${G(i)}.`);if(r===`semester`&&i!==`current`&&i!==1&&i!==2)throw Error(`${n}: "semester" must be "current", 1 or 2, got ${G(i)}.`);if(r===`count`&&!(Number.isInteger(i)&&i>=1&&i<=20))throw Error(`${n}: "${t}" must be a whole number from 1 to 20, got ${G(i)}.`)}}return{...r}}function Ot(e){return K(wt,e)}function kt(e){return K(Tt,e)}function At(e){return K(Et,e)}function jt(e){return K(Dt,e)}function q(e){let t=e.numeric;if(t===null){let n=e.value.trim();if(n===`+`)return`plus`;if(n===`-`)return`minus`;let r=/^([1-6])([+-]|=)?$/.exec(n);if(!r)return`other`;t=Number(r[1])}return t>=5.75?`g6`:t>=4.75?`g5`:t>=3.75?`g4`:t>=2.75?`g3`:t>=1.75?`g2`:`g1`}function Mt(e){return e===null?`other`:q({value:``,numeric:Math.round(e*100)/100})}function Nt(e,t){return e.grades.semesters.find(e=>e.semester===t)}function Pt(e){return e?e.subjects.reduce((e,t)=>e+t.grades.length,0):0}function Ft(e){let t=Nt(e,e.current_semester);if(!t)return[];let n=[];for(let e of t.subjects)for(let t of e.grades)t.is_new&&n.push({subject:e.subject,grade:t});let r=e=>{let t=Date.parse(e.added);return Number.isNaN(t)?0:t};return n.sort((e,t)=>r(t.grade)-r(e.grade))}var J=o`
  :host {
    display: block;
    --lb-success: var(--success-color, #43a047);
    --lb-warning: var(--warning-color, #ffa600);
    --lb-error: var(--error-color, #db4437);
    --lb-primary: var(--primary-color, #03a9f4);
    --lb-text: var(--primary-text-color, #212121);
    --lb-muted: var(--secondary-text-color, #727272);
    --lb-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --lb-surface: color-mix(in srgb, var(--lb-text) 5%, transparent);
    --lb-radius: 8px;
  }
  ha-card {
    height: 100%;
    box-sizing: border-box;
    overflow: hidden;
    color: var(--lb-text);
  }
  .root {
    container-type: inline-size;
    container-name: librus;
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px 12px;
    flex-wrap: wrap;
    padding: 16px 16px 8px;
  }
  .title {
    margin: 0;
    font-size: var(--ha-card-header-font-size, var(--ha-font-size-xl, 20px));
    font-weight: var(--ha-font-weight-medium, 500);
    line-height: 1.3;
  }
  .title .date {
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--lb-muted);
  }
  .student {
    color: var(--lb-muted);
    font-size: var(--ha-font-size-s, 13px);
    line-height: 1.4;
    text-align: end;
    margin-top: 4px;
  }
  .content {
    padding: 0 16px 16px;
  }
  .message {
    padding: 8px 16px 20px;
    color: var(--lb-muted);
  }
  .message.error {
    color: var(--lb-error);
  }
  .muted {
    color: var(--lb-muted);
  }
  .section-title {
    margin: 16px 0 6px;
    font-size: var(--ha-font-size-s, 13px);
    font-weight: var(--ha-font-weight-medium, 500);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--lb-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 9px;
    font-size: 11px;
    font-weight: var(--ha-font-weight-medium, 500);
    line-height: 18px;
    white-space: nowrap;
    vertical-align: 1px;
    color: var(--lb-text);
    background: color-mix(in srgb, var(--tone, var(--lb-muted)) 22%, transparent);
    border: 1px solid color-mix(in srgb, var(--tone, var(--lb-muted)) 55%, transparent);
  }
  .substitution {
    --tone: var(--lb-warning);
  }
  .cancelled {
    --tone: var(--lb-error);
  }
  .moved {
    --tone: var(--lb-primary);
  }
  .free {
    --tone: var(--lb-success);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: none;
    color: var(--lb-text);
    cursor: pointer;
  }
  .icon-button:hover:not([disabled]) {
    background: var(--lb-surface);
  }
  .icon-button[disabled] {
    color: var(--disabled-text-color, var(--lb-divider));
    cursor: default;
  }
  .icon-button svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  :focus-visible {
    outline: 2px solid var(--lb-primary);
    outline-offset: 1px;
  }
  .footer {
    padding: 0 16px 12px;
    font-size: 11px;
    color: var(--lb-muted);
  }
  /* grade tones, shared by chips and averages */
  .g6 {
    --tone: var(--lb-success);
    --tone-strength: 40%;
  }
  .g5 {
    --tone: var(--lb-success);
    --tone-strength: 22%;
  }
  .g4 {
    --tone: var(--lb-primary);
    --tone-strength: 20%;
  }
  .g3 {
    --tone: var(--lb-warning);
    --tone-strength: 24%;
  }
  .g2 {
    --tone: color-mix(in srgb, var(--lb-warning) 45%, var(--lb-error));
    --tone-strength: 26%;
  }
  .g1 {
    --tone: var(--lb-error);
    --tone-strength: 30%;
  }
  .plus {
    --tone: var(--lb-success);
    --tone-strength: 10%;
  }
  .minus {
    --tone: var(--lb-error);
    --tone-strength: 10%;
  }
  .other {
    --tone: var(--lb-muted);
    --tone-strength: 10%;
  }
  .grade-chip {
    position: relative;
    display: inline-flex;
    align-items: baseline;
    gap: 1px;
    min-width: 30px;
    height: 28px;
    box-sizing: border-box;
    justify-content: center;
    padding: 0 7px;
    border-radius: 14px;
    border: 1px solid color-mix(in srgb, var(--tone) 70%, transparent);
    background: color-mix(in srgb, var(--tone) var(--tone-strength), transparent);
    color: var(--lb-text);
    font-weight: var(--ha-font-weight-bold, 600);
    font-size: 14px;
    line-height: 26px;
    cursor: pointer;
  }
  .grade-chip .w {
    font-size: 10px;
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--lb-muted);
    margin-left: 2px;
  }
  .grade-chip.not-counted {
    border-style: dashed;
  }
  .grade-chip.new::after {
    content: "";
    position: absolute;
    top: -3px;
    right: -3px;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: var(--lb-primary);
    border: 2px solid var(--card-background-color, var(--ha-card-background, #fff));
  }
  .grade-chip[aria-expanded="true"] {
    outline: 2px solid var(--lb-primary);
    outline-offset: 1px;
  }
`,It=`M15.41,16.58L10.83,12L15.41,7.41L14,6L8,12L14,18L15.41,16.58Z`,Lt=`M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z`,Rt=`M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z`,zt=`M12,17.27L18.18,21L16.54,13.97L22,9.24L14.81,8.62L12,2L9.19,8.62L2,9.24L7.45,13.97L5.82,21L12,17.27Z`,Bt=`M16.5,6V17.5A4,4 0 0,1 12.5,21.5A4,4 0 0,1 8.5,17.5V5A2.5,2.5 0 0,1 11,2.5A2.5,2.5 0 0,1 13.5,5V15.5A1,1 0 0,1 12.5,16.5A1,1 0 0,1 11.5,15.5V6H10V15.5A2.5,2.5 0 0,0 12.5,18A2.5,2.5 0 0,0 15,15.5V5A4,4 0 0,0 11,1A4,4 0 0,0 7,5V17.5A5.5,5.5 0 0,0 12.5,23A5.5,5.5 0 0,0 18,17.5V6H16.5Z`,Vt=`M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z`,Ht=class extends B{static properties={_semester:{state:!0},_open:{state:!0}};static getConfigElement(){return document.createElement(`librus-grades-card-editor`)}static getStubConfig(){return{...U}}validateConfig(e){return At(e)}setConfig(e){super.setConfig(e),this._semester=void 0}getCardSize(){let e=this.data;return e?3+(Nt(e,this.semester(e))?.subjects.filter(e=>e.grades.length).length??1):6}semester(e){if(this._semester)return this._semester;let t=this._config?.semester??U.semester;return t===`current`?e.current_semester:t}get showAverages(){return this._config?.show_averages??U.show_averages}switchTo(e){this._semester=e,this._open=void 0}render(){let e=this.data,t=this.renderStatus(),n=S`<h2 class="title">${this.t(`grades`)}</h2>`;if(t||!e)return this.renderStatusCard(n,t);let r=this.semester(e),i=Nt(e,r),a=(i?.subjects??[]).filter(e=>e.grades.length||e.semester_grade||e.proposed_grade),o=Pt(i),s=a.reduce((e,t)=>e+t.grades.filter(e=>e.is_new).length,0),c=i?.average??null;return S`<ha-card>
      <div class="root">
        <div class="header">${n} ${this.renderStudent(e)}</div>
        <div class="toolbar">
          <div class="tabs" role="tablist" aria-label=${this.t(`semester`)}>
            ${[1,2].map(e=>S`<button
                role="tab"
                class="tab"
                aria-selected=${e===r?`true`:`false`}
                @click=${()=>this.switchTo(e)}
              >
                ${this.t(`semester_n`,{n:e})}
              </button>`)}
          </div>
          <div class="summary">
            ${this.showAverages&&c!==null?S`<span class="overall"
                  >${this.t(`overall_average`)}
                  <span class="avg ${Mt(c)}">${ht(c,this.uiLang)}</span></span
                >`:w}
            <span class="muted count">${z(this.uiLang,`grade`,o)}</span>
            ${s?S`<span class="badge fresh">${z(this.uiLang,`new_grade`,s)}</span>`:w}
          </div>
        </div>
        <div class="content" role="tabpanel">
          ${a.length?S`<ul class="subjects">
                ${a.map(e=>this.renderSubject(e))}
              </ul>`:S`<div class="empty muted">${this.t(`no_grades_semester`,{n:r})}</div>`}
        </div>
        ${this.renderUpdated(e)}
      </div>
    </ha-card>`}renderSubject(e){let t=e.average,n=e.grades.find(e=>e.id===this._open);return S`<li class="subject">
      <div class="name">
        <span class="subject-name">${e.subject}</span>
        ${e.proposed_grade?S`<span class="badge final" title=${this.t(`proposed_grade`)}
              >${this.t(`proposed_grade`)}: ${e.proposed_grade}</span
            >`:w}
        ${e.semester_grade?S`<span class="badge final" title=${this.t(`semester_grade`)}
              >${this.t(`semester_grade`)}: ${e.semester_grade}</span
            >`:w}
      </div>
      <div class="chips">${e.grades.map(e=>this.renderChip(e))}</div>
      ${this.showAverages?S`<div class="average" title=${this.t(`average`)}>
            <span class="avg ${Mt(t)}">${ht(t,this.uiLang)}</span>
          </div>`:w}
      ${n?this.renderDetails(n):w}
    </li>`}renderChip(e){let t=this._open===e.id,n=[e.value,e.weight===null?null:`${this.t(`weight`)} ${e.weight}`,e.category,e.is_new?this.t(`new`):null].filter(Boolean).join(`, `);return S`<button
      class="grade-chip ${q(e)} ${e.counts?``:`not-counted`} ${e.is_new?`new`:``}"
      aria-label=${n}
      aria-expanded=${t?`true`:`false`}
      title=${`${e.category} · ${ut(e.date,this.uiLocale)}`}
      @click=${()=>this._open=t?void 0:e.id}
    >
      ${e.value}${e.weight===null?w:S`<span class="w">${e.weight}</span>`}
    </button>`}renderDetails(e){let t=(e,t)=>t?S`<dt>${e}</dt><dd>${t}</dd>`:w;return S`<div class="details" role="region" aria-label=${`${e.value} — ${e.category}`}>
      <div class="details-head">
        <span class="grade-chip ${q(e)}">${e.value}</span>
        <strong>${e.category}</strong>
        ${e.is_new?S`<span class="badge fresh">${this.t(`new`)}</span>`:w}
        <button class="icon-button close" aria-label=${this.t(`close`)} @click=${()=>this._open=void 0}>
          ${this.icon(Rt)}
        </button>
      </div>
      <dl>
        ${t(this.t(`date`),ut(e.date,this.uiLocale))}
        ${t(this.t(`weight`),e.weight===null?null:String(e.weight))}
        ${t(this.t(`teacher`),e.teacher)} ${t(this.t(`comment`),e.comment)}
        ${t(this.t(`added`),mt(e.added,this.uiLocale))}
      </dl>
      ${e.counts?w:S`<div class="muted note">${this.t(`not_counted`)}</div>`}
    </div>`}static styles=[J,o`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        padding: 0 16px 8px;
      }
      .tabs {
        display: inline-flex;
        border: 1px solid var(--lb-divider);
        border-radius: 18px;
        overflow: hidden;
      }
      .tab {
        border: none;
        background: none;
        padding: 6px 14px;
        font-size: 13px;
        cursor: pointer;
        color: var(--lb-text);
      }
      .tab + .tab {
        border-left: 1px solid var(--lb-divider);
      }
      .tab[aria-selected="true"] {
        background: var(--lb-primary);
        color: var(--text-primary-color, #fff);
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        font-size: 13px;
      }
      .badge.fresh {
        --tone: var(--lb-primary);
      }
      .badge.final {
        --tone: var(--lb-muted);
      }
      .avg {
        display: inline-block;
        min-width: 40px;
        padding: 1px 6px;
        border-radius: 6px;
        text-align: center;
        font-weight: var(--ha-font-weight-bold, 600);
        font-variant-numeric: tabular-nums;
        background: color-mix(in srgb, var(--tone) var(--tone-strength), transparent);
      }
      .subjects {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .subject {
        display: grid;
        grid-template-columns: 1fr auto;
        grid-template-areas: "name avg" "chips chips" "details details";
        gap: 6px 8px;
        padding: 10px 0;
        border-top: 1px solid var(--lb-divider);
      }
      .subject:first-child {
        border-top: none;
      }
      .name {
        grid-area: name;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        min-width: 0;
      }
      .subject-name {
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .chips {
        grid-area: chips;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .average {
        grid-area: avg;
        align-self: start;
      }
      .details {
        grid-area: details;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .details-head {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .details-head .grade-chip {
        cursor: default;
      }
      .details-head .close {
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 12px;
        margin: 6px 0 0;
        font-size: 13px;
      }
      dt {
        color: var(--lb-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .note {
        margin-top: 4px;
        font-size: 12px;
      }
      .empty {
        padding: 12px 0;
      }
      @container librus (min-width: 620px) {
        .subject {
          grid-template-columns: minmax(140px, 200px) 1fr auto;
          grid-template-areas: "name chips avg" "details details details";
          align-items: center;
        }
        .average {
          align-self: center;
        }
      }
    `]},Ut=/(Z|[+-]\d\d:?\d\d)$/i,Wt={available:!1,unread:0,inbox_url:``,items:[]};function Gt(e){let t=e.messages;return!t||typeof t!=`object`?Wt:{available:t.available===!0,unread:typeof t.unread==`number`&&Number.isFinite(t.unread)&&t.unread>0?Math.floor(t.unread):0,inbox_url:typeof t.inbox_url==`string`?t.inbox_url:``,items:Array.isArray(t.items)?t.items:[]}}function Kt(e){if(!e)return NaN;let t=e.trim();if(Ut.test(t))return Date.parse(t);let n=/^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?/.exec(t);if(!n)return NaN;let r=Date.UTC(+n[1],n[2]-1,+n[3],+(n[4]??0),+(n[5]??0),+(n[6]??0));return r-Jt(r)*6e4}var qt=new Intl.DateTimeFormat(`en-US`,{timeZone:j,timeZoneName:`longOffset`});function Jt(e){let t=qt.formatToParts(e).find(e=>e.type===`timeZoneName`)?.value??``,n=/([+-])(\d\d):?(\d\d)/.exec(t);return n?(n[1]===`-`?-1:1)*(Number(n[2])*60+Number(n[3])):0}function Yt(e,t){let n=Math.max(0,Math.floor(t.limit));return e.map((e,t)=>({item:e,index:t,at:Kt(e.sent)})).filter(({item:e})=>!t.unreadOnly||e.unread).sort((e,t)=>{let n=Number.isNaN(e.at)?-1/0:e.at,r=Number.isNaN(t.at)?-1/0:t.at;return n===r?e.index-t.index:r-n}).slice(0,n).map(({item:e})=>e)}function Y(e,t){return ot(e,{...t,timeZone:j})}function Xt(e,t,n){let r=Kt(e);if(Number.isNaN(r))return``;let i=rt(r).date;return i===t?Y(n,{hour:`2-digit`,minute:`2-digit`,hourCycle:`h23`}).format(r):i.slice(0,4)===t.slice(0,4)?Y(n,{day:`numeric`,month:`short`}).format(r):Y(n,{day:`2-digit`,month:`2-digit`,year:`numeric`}).format(r)}function Zt(e,t){let n=Kt(e);return Number.isNaN(n)?``:Y(t,st).format(n)}function Qt(e,t){if(e.length===0)return-1;let n=et(t),r=e.findIndex(e=>e.week_start===n);if(r>=0)return r;let i=e.findIndex(e=>e.week_start>n);return i>=0?i:e.length-1}function $t(e){let t=e.days[e.days.length-1];return t?t.date:Qe(e.week_start,4)}function en(e){let t=/* @__PURE__ */ new Set,n=/* @__PURE__ */ new Map;for(let r of e.days)for(let e of r.lessons){t.add(e.number);let r=`${e.start}-${e.end}`,i=n.get(e.number)??/* @__PURE__ */ new Map;i.set(r,(i.get(r)??0)+1),n.set(e.number,i)}return[...t].sort((e,t)=>e-t).map(t=>{let[r=``,i=``]=([...n.get(t)?.entries()??[]].sort((e,t)=>t[1]-e[1])[0]?.[0]??`-`).split(`-`);return{number:t,start:r,end:i,cells:e.days.map(e=>e.lessons.filter(e=>e.number===t))}})}function tn(e){return e.lessons.filter(e=>e.status!==`cancelled`)}function nn(e,t){if(e.date!==t.date||e.free_day)return null;for(let n of tn(e))if(t.minutes>=tt(n.start)&&t.minutes<tt(n.end))return n.number;return null}function rn(e){let t=tn(e);return e.free_day||t.length===0?null:Math.max(...t.map(e=>tt(e.end)))}function an(e,t){for(let n of e)for(let e of n.days)if(e.date===t)return e}var on={"język polski":`J. pol.`,"język angielski":`J. ang.`,"język niemiecki":`J. niem.`,"język francuski":`J. fr.`,"język hiszpański":`J. hisz.`,"język rosyjski":`J. ros.`,matematyka:`Mat.`,historia:`Hist.`,przyroda:`Przyr.`,biologia:`Biol.`,geografia:`Geogr.`,fizyka:`Fiz.`,chemia:`Chem.`,informatyka:`Inf.`,plastyka:`Plast.`,muzyka:`Muz.`,technika:`Tech.`,religia:`Rel.`,etyka:`Etyka`,"wychowanie fizyczne":`WF`,"godzina wychowawcza":`GW`,"zajęcia z wychowawcą":`ZW`,"edukacja dla bezpieczeństwa":`EDB`,"wiedza o społeczeństwie":`WOS`,"wychowanie do życia w rodzinie":`WDŻ`,"historia i teraźniejszość":`HiT`,"biznes i zarządzanie":`BiZ`};function sn(e){let t=e.trim(),n=on[t.toLowerCase()];if(n)return n;if(t.length<=6)return t;let r=t.split(/\s+/).filter(Boolean);return r.length===1?`${t.slice(0,4)}.`:r.slice(0,3).map(e=>e.length<=4?e:`${e.slice(0,3)}.`).join(` `)}function X(e,t){return t.date>e.today?t.date:e.today}function cn(e,t,n){let r=X(e,t),i=an(e.weeks,r),a={date:r,relation:`today`,day:i};if(!n)return a;let o=i?rn(i):null;if(o!==null&&(t.date<r||t.minutes<o))return a;let s=e.weeks.flatMap(e=>e.days).filter(e=>e.date>r&&(e.free_day!==null||e.lessons.length>0)).sort((e,t)=>e.date<t.date?-1:1)[0];return s?{date:s.date,relation:P(r,s.date)===1?`tomorrow`:`later`,day:s}:a}function ln(e,t){return e.date===t.date?(e.start??``).localeCompare(t.start??``):e.date<t.date?-1:1}function un(e,t){let n=e.filter(e=>(e.kind===`test`||e.kind===`quiz`)&&e.date>=t).sort(ln),r=n[0];return r?n.filter(e=>e.date===r.date):[]}function dn(e,t){return e.filter(e=>e.date===t&&e.kind!==`test`&&e.kind!==`quiz`).sort(ln)}function fn(e,t,n=7,r=4){return e.filter(e=>e.due>=t&&P(t,e.due)<=n).sort((e,t)=>e.due===t.due?(e.subject??``).localeCompare(t.subject??``):e.due<t.due?-1:1).slice(0,r)}function pn(e,t){let n=e.lucky_number;return n&&n.day>=t?n:null}var mn=class extends B{static getConfigElement(){return document.createElement(`librus-messages-card-editor`)}static getStubConfig(){return{...W}}validateConfig(e){return jt(e)}getCardSize(){let e=this.data;return e?2+Math.max(1,this.rows(Gt(e)).length)*(this.option(`show_preview`)?2:1):3}option(e){return this._config?.[e]??W[e]}rows(e){return Yt(e.items,{limit:Number(this.option(`max_messages`)),unreadOnly:!!this.option(`unread_only`)})}link(e,t,n,r){return e?S`<a class=${t} href=${e} target="_blank" rel="noopener noreferrer" aria-label=${r??w}
          >${n}</a
        >`:S`<div class=${t}>${n}</div>`}render(){let e=this.data,t=this.renderStatus(),n=S`<h2 class="title">${this.t(`messages`)}</h2>`;if(t||!e)return this.renderStatusCard(n,t);let r=Gt(e),i=r.available?r.inbox_url:``,a=r.unread;return S`<ha-card>
      <div class="root">
        <div class="header">
          <div class="heading">
            ${i?S`<h2 class="title">
                  <a class="inbox" href=${i} target="_blank" rel="noopener noreferrer" title=${this.t(`open_inbox`)}
                    >${this.t(`messages`)}${this.icon(Vt)}</a
                  >
                </h2>`:n}
            ${r.available&&a?S`<span class="badge unread-count">${z(this.uiLang,`unread`,a)}</span>`:w}
          </div>
          ${this.renderStudent(e)}
        </div>
        <div class="content">
          ${r.available?this.renderList(r,X(e,this.clock())):this.renderUnavailable()}
        </div>
        ${this.renderUpdated(e)}
      </div>
    </ha-card>`}renderUnavailable(){return S`<div class="notice" role="note">${this.t(`messages_unavailable`)}</div>`}renderList(e,t){let n=this.rows(e);if(!n.length){let t=this.option(`unread_only`)&&e.items.length?`no_unread_messages`:`no_messages`;return S`<div class="empty muted">${this.t(t)}</div>`}return S`<ul class="messages">
      ${n.map(n=>S`<li>${this.renderMessage(n,e.inbox_url,t)}</li>`)}
    </ul>`}renderMessage(e,t,n){let r=Xt(e.sent,n,this.uiLocale),i=Zt(e.sent,this.uiLocale),a=[e.unread?this.t(`unread_message`):null,e.sender,e.topic,i||null,e.has_attachments?this.t(`has_attachments`):null].filter(Boolean).join(`, `),o=S`<span class="line">
        ${e.unread?S`<span class="dot" aria-hidden="true"></span>`:w}
        <span class="sender">${e.sender}</span>
        ${e.has_attachments?S`<span class="clip" title=${this.t(`has_attachments`)}>${this.icon(Bt)}</span>`:w}
        ${r?S`<time class="when" datetime=${e.sent??``} title=${i}>${r}</time>`:w}
      </span>
      <span class="topic">${e.topic||this.t(`no_topic`)}</span>
      ${this.option(`show_preview`)&&e.preview?S`<span class="preview">${e.preview}</span>`:w}`;return this.link(t,`message ${e.unread?`unread`:`read`}`,o,a)}static styles=[J,o`
      .heading {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        min-width: 0;
      }
      .unread-count {
        --tone: var(--lb-primary);
        font-size: 12px;
      }
      .messages {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .messages li + li {
        border-top: 1px solid var(--lb-divider);
      }
      .message {
        display: flex;
        flex-direction: column;
        gap: 2px;
        margin: 0 -8px;
        padding: 8px;
        border-radius: var(--lb-radius);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      a.message:hover {
        background: var(--lb-surface);
      }
      .line {
        display: flex;
        align-items: center;
        gap: 6px;
        min-width: 0;
      }
      .sender {
        flex: 1 1 auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .when {
        flex: none;
        font-size: 12px;
        color: var(--lb-muted);
        font-variant-numeric: tabular-nums;
      }
      .clip {
        flex: none;
        display: inline-flex;
        color: var(--lb-muted);
      }
      .clip svg {
        width: 16px;
        height: 16px;
        fill: currentColor;
      }
      .dot {
        flex: none;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--lb-primary);
      }
      .topic {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .preview {
        font-size: 13px;
        line-height: 1.4;
        color: var(--lb-muted);
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      @container librus (min-width: 560px) {
        .preview {
          -webkit-line-clamp: 3;
        }
      }
      .unread .sender,
      .unread .topic {
        font-weight: var(--ha-font-weight-bold, 700);
      }
      .unread .when {
        color: var(--lb-primary);
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .empty,
      .notice {
        padding: 12px 0;
      }
      .notice {
        color: var(--lb-muted);
        border-left: 3px solid var(--lb-warning);
        padding-left: 10px;
      }
      .inbox {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        color: inherit;
        text-decoration: none;
      }
      .inbox:hover {
        text-decoration: underline;
      }
      .inbox svg {
        width: 18px;
        height: 18px;
        fill: var(--lb-muted);
      }
    `]},hn=class extends B{static properties={_weekStart:{state:!0},_selected:{state:!0}};ticks=!0;static getConfigElement(){return document.createElement(`librus-timetable-card-editor`)}static getStubConfig(){return{...H}}validateConfig(e){return kt(e)}getCardSize(){let e=this.data?this.shownWeek(this.data).week:void 0;return e?2+en(e).length:8}option(e){return this._config?.[e]??H[e]}shownWeek(e){let t=Qt(e.weeks,X(e,this.clock())),n=this._weekStart?e.weeks.findIndex(e=>e.week_start===this._weekStart):-1;return n<0&&(n=t),{week:e.weeks[n],index:n,home:t}}go(e,t){let n=e.weeks[t];n&&(this._weekStart=n.week_start,this._selected=void 0)}render(){let e=this.data,t=this.renderStatus(),n=S`<h2 class="title">${this.t(`timetable`)}</h2>`;if(t||!e)return this.renderStatusCard(n,t);let{week:r,index:i,home:a}=this.shownWeek(e);return S`<ha-card>
      <div class="root ${this.option(`compact`)?`compact`:``}">
        <div class="header">${n} ${this.renderStudent(e)}</div>
        <div class="nav">
          <button
            class="icon-button prev"
            title=${this.t(`prev_week`)}
            aria-label=${this.t(`prev_week`)}
            ?disabled=${i<=0}
            @click=${()=>this.go(e,i-1)}
          >
            ${this.icon(It)}
          </button>
          <span class="range" aria-live="polite"
            >${r?pt(r.week_start,$t(r),this.uiLocale):this.t(`week_not_loaded`)}</span
          >
          <button
            class="icon-button next"
            title=${this.t(`next_week`)}
            aria-label=${this.t(`next_week`)}
            ?disabled=${i>=e.weeks.length-1}
            @click=${()=>this.go(e,i+1)}
          >
            ${this.icon(Lt)}
          </button>
          ${i===a?w:S`<button class="this-week" @click=${()=>this.go(e,a)}>${this.t(`this_week`)}</button>`}
        </div>
        ${r?this.renderWeek(e,r):S`<div class="message">${this.t(`week_not_loaded`)}</div>`}
      </div>
    </ha-card>`}renderWeek(e,t){let n=this.clock(),r=X(e,n),i=en(t),a=this.option(`show_teacher`),o=t.days.length,s=new Set(t.days.flatMap(e=>e.lessons.map(e=>e.status))),c=Math.max(i.length,1)+2;return S`<div class="content">
      <div
        class="grid"
       
        style="grid-template-columns: auto repeat(${o}, minmax(0, 1fr)); grid-template-rows: auto repeat(${Math.max(i.length,1)}, auto);"
      >
        <div class="corner" style="grid-row: 1; grid-column: 1"></div>
        ${t.days.map((e,t)=>S`<div
              class="day-head ${e.date===r?`today`:``}"
             
              style="grid-row: 1; grid-column: ${t+2}"
              aria-current=${e.date===r?`date`:`false`}
              title=${ct(e.date,this.uiLocale)}
            >
              <span class="wd">${dt(e.date,this.uiLocale)}</span>
              <span class="dm">${ft(e.date,this.uiLocale)}</span>
            </div>`)}
        ${i.map((e,i)=>this.renderRow(e,i+2,t.days,r,n,a))}
        ${t.days.map((e,t)=>e.free_day?S`<div class="free-col free" style="grid-row: 2 / ${c}; grid-column: ${t+2}">
                <span class="badge">${this.t(`free_day`)}</span><span class="free-name">${e.free_day}</span>
              </div>`:w)}
      </div>
      ${i.length===0?S`<div class="message">${this.t(`no_lessons`)}</div>`:w}
      ${this.renderLegend(s)} ${this.renderDetails(t)}
    </div>`}renderRow(e,t,n,r,i,a){return S`<div class="time" style="grid-row: ${t}; grid-column: 1">
        <span class="no">${e.number}</span><span class="hours">${e.start}<span class="end">–${e.end}</span></span>
      </div>
      ${n.map((n,o)=>{if(n.free_day)return w;let s=e.cells[o]??[],c=nn(n,i);return S`<div
          class="cell ${n.date===r?`today`:``}"
         
          style="grid-row: ${t}; grid-column: ${o+2}"
        >
          ${s.map((e,t)=>this.renderLesson(n,e,t,c===e.number&&e.status!==`cancelled`,a))}
        </div>`})}`}renderLesson(e,t,n,r,i){let a=this._selected?.date===e.date&&this._selected.number===t.number&&this._selected.index===n,o=[t.subject,t.status===`normal`?null:this.t(t.status),t.room].filter(Boolean).join(`, `);return S`<button
      class="lesson ${t.status} ${r?`current`:``}"
      aria-label=${o}
      aria-pressed=${a?`true`:`false`}
      aria-current=${r?`time`:`false`}
      title=${o}
      @click=${()=>{this._selected=a?void 0:{date:e.date,number:t.number,index:n}}}
    >
      <span class="subj full">${t.subject}</span><span class="subj short">${sn(t.subject)}</span>
      ${t.room?S`<span class="room">${t.room}</span>`:w}
      ${i&&t.teacher?S`<span class="teacher">${t.teacher}</span>`:w}
    </button>`}renderLegend(e){let t=[`substitution`,`cancelled`,`moved`].filter(t=>e.has(t));return t.length?S`<div class="legend">
      ${t.map(e=>S`<span class="key ${e}"><span class="swatch"></span>${this.t(e)}</span>`)}
    </div>`:w}renderDetails(e){let t=this._selected;if(!t)return w;let n=e.days.find(e=>e.date===t.date),r=n?.lessons.filter(e=>e.number===t.number)[t.index];if(!n||!r)return w;let i=r.original,a=(e,t)=>t?S`<dt>${e}</dt><dd>${t}</dd>`:w;return S`<div class="details ${r.status}" role="region" aria-label=${r.subject}>
      <div class="details-head">
        <strong>${r.subject}</strong>
        ${r.status===`normal`?w:S`<span class="badge">${this.t(r.status)}</span>`}
        <button class="icon-button close" aria-label=${this.t(`close`)} @click=${()=>this._selected=void 0}>
          ${this.icon(Rt)}
        </button>
      </div>
      <dl>
        ${a(this.t(`date`),`${ct(n.date,this.uiLocale)}, ${r.start}–${r.end}`)}
        ${a(this.t(`lesson_no`),String(r.number))} ${a(this.t(`teacher`),r.teacher)}
        ${a(this.t(`room`),r.room)} ${a(this.t(`group`),r.group)}
        ${i?a(this.t(`instead_of`),[i.subject,i.teacher,i.room?this.room(i.room):null].filter(Boolean).join(`, `)):w}
        ${a(`ℹ`,r.note)}
      </dl>
    </div>`}static styles=[J,o`
      .nav {
        display: flex;
        align-items: center;
        gap: 4px;
        padding: 0 8px 8px;
      }
      .range {
        flex: 1;
        text-align: center;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .this-week {
        border: 1px solid var(--lb-divider);
        background: none;
        border-radius: 16px;
        padding: 4px 10px;
        font-size: 13px;
        cursor: pointer;
        color: var(--lb-primary);
      }
      .content {
        padding: 0 8px 12px;
      }
      .grid {
        display: grid;
        gap: 3px;
      }
      .day-head {
        display: flex;
        flex-direction: column;
        align-items: center;
        padding: 4px 2px;
        border-radius: var(--lb-radius);
        font-size: 13px;
        line-height: 1.25;
      }
      .day-head .wd {
        font-weight: var(--ha-font-weight-medium, 500);
        text-transform: capitalize;
      }
      .day-head .dm {
        color: var(--lb-muted);
        font-size: 11px;
      }
      .day-head.today {
        background: var(--lb-primary);
        color: var(--text-primary-color, #fff);
      }
      .day-head.today .dm {
        color: inherit;
        opacity: 0.85;
      }
      .time {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        justify-content: center;
        padding: 2px 6px 2px 0;
        font-size: 11px;
        line-height: 1.2;
        color: var(--lb-muted);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .time .no {
        font-size: 13px;
        font-weight: var(--ha-font-weight-bold, 600);
        color: var(--lb-text);
      }
      .time .hours {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
      }
      .cell {
        display: flex;
        flex-direction: column;
        gap: 2px;
        min-width: 0;
        min-height: 36px;
        border-radius: 6px;
      }
      .cell.today {
        background: color-mix(in srgb, var(--lb-primary) 7%, transparent);
      }
      .lesson {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        flex: 1;
        min-width: 0;
        padding: 3px 6px;
        border: none;
        border-left: 3px solid transparent;
        border-radius: 6px;
        background: var(--lb-surface);
        text-align: start;
        cursor: pointer;
        font-size: 13px;
        line-height: 1.25;
      }
      .lesson .subj {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .lesson .short {
        display: none;
      }
      .lesson .room,
      .lesson .teacher {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-size: 11px;
        color: var(--lb-muted);
      }
      .lesson.substitution,
      .lesson.moved,
      .lesson.cancelled {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 16%, transparent);
      }
      .lesson.cancelled .subj,
      .lesson.cancelled .room {
        text-decoration: line-through;
        color: var(--lb-muted);
      }
      .lesson.current {
        outline: 2px solid var(--lb-primary);
        outline-offset: -2px;
      }
      .lesson[aria-pressed="true"] {
        box-shadow: inset 0 0 0 2px var(--lb-text);
      }
      .free-col {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 6px;
        padding: 8px 4px;
        border-radius: var(--lb-radius);
        background: color-mix(in srgb, var(--tone) 10%, transparent);
        border: 1px dashed color-mix(in srgb, var(--tone) 50%, transparent);
        text-align: center;
        font-size: 12px;
        overflow-wrap: break-word;
        min-width: 0;
      }
      .free-col .badge {
        max-width: 100%;
        white-space: normal;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        padding: 10px 4px 0;
        font-size: 12px;
        color: var(--lb-muted);
      }
      .legend .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-right: 5px;
        border-radius: 3px;
        background: color-mix(in srgb, var(--tone) 45%, transparent);
        border: 1px solid var(--tone);
      }
      .details {
        margin-top: 10px;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        border-left: 3px solid var(--tone, var(--lb-divider));
        background: var(--lb-surface);
      }
      .details.normal {
        --tone: var(--lb-divider);
      }
      .details-head {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .details-head .close {
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 12px;
        margin: 4px 0 0;
        font-size: 13px;
      }
      dt {
        color: var(--lb-muted);
      }
      dd {
        margin: 0;
      }
      /* narrow screens (phones) and compact mode: short names, no teachers, start times only */
      @container librus (max-width: 560px) {
        .lesson .full {
          display: none;
        }
        .lesson .short {
          display: block;
        }
        .lesson .teacher,
        .time .end {
          display: none;
        }
        .lesson {
          padding: 3px 4px;
          font-size: 12px;
        }
        .grid {
          gap: 2px;
        }
        .content {
          padding: 0 4px 10px;
        }
        .free-col .badge {
          display: none;
        }
        .free-col .free-name {
          writing-mode: vertical-rl;
          transform: rotate(180deg);
          overflow-wrap: normal;
        }
      }
      .compact .lesson .full {
        display: none;
      }
      .compact .lesson .short {
        display: block;
      }
      .compact .time .end {
        display: none;
      }
    `]},gn=class extends B{ticks=!0;static getConfigElement(){return document.createElement(`librus-today-card-editor`)}static getStubConfig(){return{...V}}validateConfig(e){return Ot(e)}getCardSize(){let e=this.data;if(!e)return 4;let t=cn(e,this.clock(),this.option(`after_school_shows_tomorrow`));return 3+Math.ceil((t.day?.lessons.length??1)*.8)}option(e){return this._config?.[e]??V[e]}render(){let e=this.data,t=this.renderStatus();if(t||!e)return this.renderStatusCard(S`<h2 class="title">${this.t(`today`)}</h2>`,t);let n=this.clock(),r=X(e,n),i=cn(e,n,this.option(`after_school_shows_tomorrow`)),a=i.relation===`today`?`today`:i.relation===`tomorrow`?`tomorrow`:`next_school_day`;return S`<ha-card>
      <div class="root">
        <div class="header">
          <h2 class="title">
            ${this.t(a)} <span class="date">· ${ct(i.date,this.uiLocale)}</span>
          </h2>
          ${this.renderStudent(e)}
        </div>
        <div class="content">
          ${this.renderLessons(i.date,i.day?.free_day??null,i.day?.lessons??[],n)}
          ${this.option(`show_lucky_number`)?this.renderLucky(e,i.date):w}
          ${this.option(`show_agenda`)?this.renderAgenda(e,i.date,r):w}
          ${this.option(`show_homework`)?this.renderHomework(e,i.date,r):w}
          ${this.option(`show_new_grades`)?this.renderNewGrades(e):w}
        </div>
        ${this.renderUpdated(e)}
      </div>
    </ha-card>`}renderLessons(e,t,n,r){if(t)return S`<div class="free-day free"><span class="badge">${this.t(`free_day`)}</span> ${t}</div>`;if(n.length===0)return S`<div class="empty muted">${this.t(`no_lessons`)}</div>`;let i=[...n].sort((e,t)=>e.number-t.number||e.start.localeCompare(t.start)),a=nn({date:e,free_day:null,lessons:i},r),o=i.filter(e=>e.status!==`cancelled`),s=o[0],c=o[o.length-1],l=s&&c?` · ${s.start}–${c.end}`:``;return S`<div class="summary muted">${z(this.uiLang,`lesson`,o.length)}${l}</div>
      <ol class="lessons">
        ${i.map(e=>this.renderLesson(e,e.number===a&&e.status!==`cancelled`))}
      </ol>`}renderLesson(e,t){let n=[e.room?this.room(e.room):null,e.teacher,e.group].filter(Boolean),r=e.original,i=e.status===`substitution`&&r?[r.subject,r.teacher,r.room?this.room(r.room):null].filter(Boolean).join(`, `):``;return S`<li class="lesson ${e.status} ${t?`current`:``}" aria-current=${t?`time`:`false`}>
      <span class="num">${e.number}</span>
      <span class="time">${e.start}<br /><span class="muted">${e.end}</span></span>
      <span class="body">
        <span class="subject">${e.subject}</span>
        ${e.status===`normal`?w:S`<span class="badge">${this.t(e.status)}</span>`}
        ${t?S`<span class="badge now">${this.t(`now`)}</span>`:w}
        ${n.length?S`<span class="meta">${n.join(` · `)}</span>`:w}
        ${i?S`<span class="meta note">${this.t(`instead_of`)}: ${i}</span>`:w}
        ${e.note?S`<span class="meta note">${e.note}</span>`:w}
      </span>
    </li>`}renderLucky(e,t){let n=pn(e,t);if(!n)return w;let r=n.day===t?``:` (${lt(n.day,this.uiLocale)})`;return S`<div class="lucky ${n.is_mine?`mine`:``}">
      <span class="lucky-number" aria-hidden="true">${n.number}</span>
      <span>
        <span class="lucky-label">${this.t(`lucky_number`)}: ${n.number}${r}</span>
        ${n.is_mine?S`<span class="lucky-mine">${this.t(`lucky_is_mine`)}<span class="stars">${this.icon(zt)}${this.icon(zt)}${this.icon(zt)}</span></span
            >`:w}
      </span>
    </div>`}kindLabel(e){return e.category||this.t(`kind_${e.kind}`)}renderAgendaItem(e,t){let n=P(t,e.date),r=e.start?`, ${e.start}${e.end?`–${e.end}`:``}`:``,i=e.subject?S`<strong>${e.subject}</strong> · ${this.kindLabel(e)}`:S`<strong>${this.kindLabel(e)}</strong>`;return S`<li class="item ${e.kind}">
      <span class="what">${i}</span>
      <span class="when">${lt(e.date,this.uiLocale)}${r} · ${St(this.uiLang,n)}</span>
      ${e.content?S`<span class="meta">${e.content}</span>`:w}
    </li>`}renderAgenda(e,t,n){let r=un(e.agenda,t),i=dn(e.agenda,t);return S`<h3 class="section-title">${this.t(`next_test`)}</h3>
      ${r.length?S`<ul class="items tests">
            ${r.map(e=>this.renderAgendaItem(e,n))}
          </ul>`:S`<div class="muted">${this.t(`no_tests`)}</div>`}
      ${i.length?S`<h3 class="section-title">${this.t(`events`)}</h3>
            <ul class="items events">
              ${i.map(e=>this.renderAgendaItem(e,n))}
            </ul>`:w}`}renderHomework(e,t,n){let r=fn(e.homework,t);return S`<h3 class="section-title">${this.t(`homework_due`)}</h3>
      ${r.length?S`<ul class="items">
            ${r.map(e=>S`<li class="item homework">
                <span class="what"><strong>${e.subject??``}</strong>${e.subject?` · `:``}${e.topic}</span>
                <span class="when"
                  >${this.t(`due`)} ${lt(e.due,this.uiLocale)} ·
                  ${St(this.uiLang,P(n,e.due))}</span
                >
                ${e.text&&e.text!==e.topic?S`<span class="meta">${e.text}</span>`:w}
              </li>`)}
          </ul>`:S`<div class="muted">${this.t(`no_homework`)}</div>`}`}renderNewGrades(e){let t=Ft(e);return t.length?S`<h3 class="section-title">${z(this.uiLang,`new_grade`,t.length)}</h3>
      <ul class="new-grades">
        ${t.map(({subject:e,grade:t})=>S`<li>
            <span class="grade-chip ${q(t)} ${t.counts?``:`not-counted`}"
              >${t.value}${t.weight===null?w:S`<span class="w">${t.weight}</span>`}</span
            >
            <span class="ng-text"><strong>${e}</strong> <span class="muted">· ${t.category}</span></span>
          </li>`)}
      </ul>`:w}static styles=[J,o`
      .summary {
        font-size: var(--ha-font-size-s, 13px);
        margin-bottom: 6px;
      }
      .lessons {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .lesson {
        display: grid;
        grid-template-columns: 22px 44px 1fr;
        align-items: start;
        gap: 8px;
        padding: 6px 8px;
        border-radius: var(--lb-radius);
        border-left: 3px solid transparent;
        background: var(--lb-surface);
      }
      .lesson.substitution,
      .lesson.moved {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 12%, transparent);
      }
      .lesson.cancelled {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 8%, transparent);
      }
      .lesson.cancelled .subject,
      .lesson.cancelled .time {
        text-decoration: line-through;
        color: var(--lb-muted);
      }
      .lesson.current {
        outline: 2px solid var(--lb-primary);
        outline-offset: -2px;
      }
      .badge.now {
        --tone: var(--lb-primary);
      }
      .num {
        font-weight: var(--ha-font-weight-bold, 600);
        color: var(--lb-muted);
        text-align: center;
        line-height: 20px;
      }
      .time {
        font-size: 12px;
        line-height: 16px;
        font-variant-numeric: tabular-nums;
      }
      .body {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 6px;
        min-width: 0;
      }
      .subject {
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .meta {
        flex-basis: 100%;
        font-size: 12px;
        color: var(--lb-muted);
      }
      .meta.note {
        color: var(--lb-text);
      }
      .free-day,
      .empty {
        padding: 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .lucky {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-top: 12px;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .lucky-number {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 36px;
        height: 36px;
        flex: none;
        border-radius: 50%;
        font-size: 18px;
        font-weight: var(--ha-font-weight-bold, 600);
        border: 2px solid var(--lb-primary);
      }
      .lucky.mine {
        background: color-mix(in srgb, var(--lb-success) 18%, transparent);
        border: 1px solid color-mix(in srgb, var(--lb-success) 55%, transparent);
      }
      .lucky.mine .lucky-number {
        background: var(--lb-success);
        border-color: var(--lb-success);
        color: var(--text-primary-color, #fff);
        animation: pop 0.6s ease-out 1;
      }
      .lucky-label {
        display: block;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .lucky-mine {
        display: flex;
        align-items: center;
        gap: 6px;
        font-size: 13px;
      }
      .stars {
        display: inline-flex;
        color: var(--lb-warning);
      }
      .stars svg {
        width: 16px;
        height: 16px;
        fill: currentColor;
      }
      @keyframes pop {
        0% {
          transform: scale(0.6);
        }
        70% {
          transform: scale(1.15);
        }
        100% {
          transform: scale(1);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .lucky.mine .lucky-number {
          animation: none;
        }
      }
      .items,
      .new-grades {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 8px;
      }
      .item .when {
        font-size: 12px;
        color: var(--lb-muted);
        white-space: nowrap;
      }
      .item.test .what strong,
      .item.quiz .what strong {
        color: var(--lb-text);
      }
      .new-grades li {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .new-grades .grade-chip {
        cursor: default;
      }
    `]},_n;async function vn(){let e=customElements.get(`hui-entities-card`);!e&&window.loadCardHelpers&&(e=(await(await window.loadCardHelpers()).createCardElement({type:`entities`,entities:[]})).constructor),e??=await customElements.whenDefined(`hui-entities-card`),await e.getConfigElement?.()}function yn(){return customElements.get(`ha-form`)?Promise.resolve():(_n||=(vn().catch(()=>void 0),customElements.whenDefined(`ha-form`).then(()=>void 0)),_n)}var Z=``,Q=class extends k{static properties={_config:{state:!0},_students:{state:!0},_formReady:{state:!0}};uiLang=`en`;_hass;_asked=!1;connectedCallback(){super.connectedCallback(),this._formReady||yn().then(()=>this._formReady=!0)}set hass(e){this._hass=e;let t=F(e.locale?.language??e.language);t!==this.uiLang&&(this.uiLang=t,this.requestUpdate()),this._asked||(this._asked=!0,We(e,!0).then(e=>this._students=e,()=>this._students=[]))}get hass(){return this._hass}setConfig(e){this._config=this.validateConfig(e)}fields(){let e=this._students??[],t=this._config?.entry_id,n=e.some(e=>e.entry_id===t);return[...e.length>1||t!==void 0&&!n?[{name:`entry_id`,kind:`select`,label:`ed_student`,default:Z,options:[{value:Z,label:R(this.uiLang,`ed_student_auto`)},...e.map(e=>({value:e.entry_id,label:e.class_name?`${e.name} (${e.class_name})`:e.name})),...t!==void 0&&!n?[{value:t,label:t}]:[]],toConfig:e=>e===Z?void 0:e,fromConfig:e=>typeof e==`string`?e:Z}]:[],...this.cardFields()]}value(e){let t=this._config?.[e.name];return e.kind===`boolean`?typeof t==`boolean`?t:e.default:t===void 0?e.default:e.fromConfig(t)}change(e,t){if(!this._config)return;let n={...this._config},r=e.kind===`select`?e.toConfig(String(t)):!!t;r===void 0?delete n[e.name]:n[e.name]=r,JSON.stringify(n)!==JSON.stringify(this._config)&&(this._config=n,this.dispatchEvent(new CustomEvent(`config-changed`,{detail:{config:n},bubbles:!0,composed:!0})))}render(){return!this._config||!this._formReady?w:this.renderHaForm(this.fields())}renderHaForm(e){let t=e.map(e=>e.kind===`boolean`?{name:e.name,selector:{boolean:{}}}:{name:e.name,selector:{select:{options:e.options,mode:`dropdown`}}}),n=Object.fromEntries(e.map(e=>[e.name,this.value(e)])),r=new Map(e.map(e=>[e.name,R(this.uiLang,e.label)]));return S`<ha-form
      .hass=${this._hass}
      .data=${n}
      .schema=${t}
      .computeLabel=${e=>r.get(e.name)??e.name}
      @value-changed=${t=>{t.stopPropagation();let r=t.detail.value;for(let t of e)r[t.name]!==n[t.name]&&this.change(t,r[t.name]??(t.kind===`select`&&Z))}}
    ></ha-form>`}static styles=o`
    :host {
      display: block;
    }
  `},bn=class extends Q{validateConfig(e){return Ot(e)}cardFields(){return Object.keys(V).map(e=>({name:e,kind:`boolean`,label:`ed_${e}`,default:V[e]}))}},xn=class extends Q{validateConfig(e){return kt(e)}cardFields(){return[{name:`compact`,kind:`boolean`,label:`ed_compact`,default:H.compact},{name:`show_teacher`,kind:`boolean`,label:`ed_show_teacher`,default:H.show_teacher}]}},Sn=class extends Q{validateConfig(e){return At(e)}cardFields(){return[{name:`semester`,kind:`select`,label:`ed_semester`,default:U.semester,options:[{value:`current`,label:R(this.uiLang,`ed_semester_current`)},{value:`1`,label:R(this.uiLang,`semester_n`,{n:1})},{value:`2`,label:R(this.uiLang,`semester_n`,{n:2})}],toConfig:e=>e===`1`?1:e===`2`?2:`current`,fromConfig:e=>String(e)},{name:`show_averages`,kind:`boolean`,label:`ed_show_averages`,default:U.show_averages}]}},Cn=[3,5,10,20],wn=class extends Q{validateConfig(e){return jt(e)}cardFields(){let e=this._config?.max_messages,t=[.../* @__PURE__ */ new Set([...Cn,...e===void 0?[]:[e]])].sort((e,t)=>e-t);return[{name:`max_messages`,kind:`select`,label:`ed_max_messages`,default:String(W.max_messages),options:t.map(e=>({value:String(e),label:String(e)})),toConfig:e=>e===``?void 0:Number(e),fromConfig:e=>String(e)},{name:`unread_only`,kind:`boolean`,label:`ed_unread_only`,default:W.unread_only},{name:`show_preview`,kind:`boolean`,label:`ed_show_preview`,default:W.show_preview}]}},Tn=`0.1.0`,En=[[`librus-today-card`,gn],[`librus-timetable-card`,hn],[`librus-grades-card`,Ht],[`librus-messages-card`,mn],[`librus-today-card-editor`,bn],[`librus-timetable-card-editor`,xn],[`librus-grades-card-editor`,Sn],[`librus-messages-card-editor`,wn]];function Dn(e){for(let[t,n]of En)e.get(t)||e.define(t,n)}var On=window.customElements;typeof document<`u`&&document.querySelector(`home-assistant`)!==null&&On.get(`home-assistant`)===void 0?On.whenDefined(`home-assistant`).then(()=>Dn(window.customElements)):Dn(On);function $(e,t,n){let r=()=>F(typeof document<`u`?document.documentElement.lang:void 0);return{type:e,get name(){return R(r(),t)},get description(){return R(r(),n)},preview:!0}}var kn=[$(`librus-today-card`,`card_today`,`desc_today`),$(`librus-timetable-card`,`card_timetable`,`desc_timetable`),$(`librus-grades-card`,`card_grades`,`desc_grades`),$(`librus-messages-card`,`card_messages`,`desc_messages`)];window.customCards=window.customCards??[];for(let e of kn)window.customCards.some(t=>t.type===e.type)||window.customCards.push(e);console.info(`%c LIBRUS-CARDS %c ${Tn} `,`color:#fff;background:#0d5ca8;font-weight:700`,`color:#0d5ca8`);export{Tn as VERSION};