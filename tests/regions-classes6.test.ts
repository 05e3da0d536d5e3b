// The region classes prompted by the sixth fresh sentence set (tests/gold/regions-sentences-fresh6.json, issue 9, tuned on
// in the sixth round): one class per describe, each with sentences composed for the test (none is a gold sentence).
import { describe } from "vitest";
import { cases } from "./region-helpers/paths";

describe("a place opening an event's, a crew's, a dish's, a cloud's, a city firm's or a product's name", () => {
  cases([
    ["南京青奥会的场馆今天向市民开放。", []],
    ["宁波第三建筑工程队承建了这座厂房。", []],
    ["菜单上有宣城鸡和阜阳饺子。", []],
    ["天翼云与华为云之外，苏州云也上线了。", []],
    ["合肥城投发行了一期债券。", []],
    ["长三角年卡今年起可以在线购买，还有虹桥枢纽联票。", []],
  ]);
});

describe("a township's short name beside a dash names a road's or a zone's end; before 文化, a culture", () => {
  cases([
    ["嘉善县的西塘—姚庄产业走廊正在规划。", ["浙江>嘉兴>嘉善"]],
    ["余姚田螺山遗址出土的器物属于河姆渡文化。", ["浙江>宁波>余姚"]],
  ]);
});

describe("abbreviations: a pair jieba knows as one (港澳), and a motorway named by its ends (沪杭高速)", () => {
  cases([
    ["港澳居民来往内地通行证可以在线办理。", ["香港", "澳门"]],
    ["沪宁高速公路今天上午车流量很大。", []],
  ]);
});

describe("a foreign country before a place across a space; 区块 is no district suffix", () => {
  cases([
    ["韩国 广州市 的一家工厂", []],
    ["项目位于广州南沙湾区块。", ["广东>广州"]],
  ]);
});

describe("an ambiguous district decided by the township after it", () => {
  cases([
    ["普陀区长征镇开展了消防演练。", ["上海>普陀>长征"]],
    ["普陀区桃花镇的渔民出海了。", ["浙江>舟山>普陀>桃花"]],
    ["鼓楼区江东街道新建了一个口袋公园。", ["江苏>南京>鼓楼>江东"]],
    ["鼓楼区黄楼街道新建了一个口袋公园。", ["江苏>徐州>鼓楼>黄楼"]],
  ]);
});

describe("a port jieba keeps whole with its place, a former name, a province with 地区", () => {
  cases([
    ["集装箱船昨天停靠太仓港。", ["江苏>苏州>太仓"]],
    ["她在龙港镇开了一家印刷厂。", ["浙江>温州>龙港"]],
    ["台湾地区的游客今年明显增多。", ["台湾"]],
  ]);
});

describe("a zone's own name ending in 区 before 内, and a member township backed by its zone", () => {
  cases([
    ["先行启动区内新建了一座图书馆。", ["长三角>长三角生态绿色一体化发展示范区>先行启动区"]],
    ["在先行启动区，西塘镇的民宿都住满了。", ["长三角>长三角生态绿色一体化发展示范区>先行启动区", "浙江>嘉兴>嘉善>西塘"]],
  ]);
});

describe("an integration slogan of two or more verb–place pairs names each place (as the curated combinations read it)", () => {
  cases([["湖州提出“融杭接沪”，主动承接两地的产业转移。", ["浙江>湖州", "浙江>杭州", "上海"]]]);
});

describe("示范区 before its members' phrase (两区一县) is the zone itself, as before its own bodies (执委会)", () => {
  cases([["示范区两区一县的医保实现了互认。", ["长三角>长三角生态绿色一体化发展示范区"]]]);
});
