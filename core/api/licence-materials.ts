/**
 * Which materials a 亮证码 (electronic licence QR from the resident's 政务 app) may stand for: the
 * identity-type documents that exist as electronic licences (电子证照) — ID card, household
 * register, residence permit, disability certificate, social security card, passport and permits.
 * A material that also asks for a letter or a certificate of proof (委托书, 关系证明 …) is not
 * covered by a licence alone and keeps its photographed copy. Used by the screen (where to offer
 * 扫亮证码) and by core (what application.submit accepts), so both say the same.
 */
const IDENTITY_DOCUMENT = /身份证|户口簿|居住证|残疾人证|社会保障卡|护照|通行证/;
const NOT_A_LICENCE = /委托书|证明/;

export function acceptsLicenceCode(materialName: string): boolean {
  return IDENTITY_DOCUMENT.test(materialName) && !NOT_A_LICENCE.test(materialName);
}
