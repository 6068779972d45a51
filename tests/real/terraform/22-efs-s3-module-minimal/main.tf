module "backup" {
  source      = "./sync"
  s3_arn      = module.bucket.s3_arn
  s3_role_arn = module.bucket.s3_role_arn
  subnet_arn  = "arn:aws:ec2:ap-southeast-2:730335392149:subnet/subnet-00d1a2fa5773b270b"
  ec2_sg_arn  = module.firewall.ec2_sg_arn
  efs_mt_arn  = module.volume.efs_mt_arn
}
